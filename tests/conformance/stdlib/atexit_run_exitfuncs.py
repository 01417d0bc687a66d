# atexit._run_exitfuncs and _clear: the callbacks run (and are forgotten)
# when asked; sys.exit still runs those registered later; os._exit none.
import atexit
import sys

atexit.register(print, 'one')
atexit.register(print, 'two')
atexit._run_exitfuncs()
print('after running:', atexit._ncallbacks())
atexit.register(print, 'cleared')
atexit._clear()
print('after clearing:', atexit._ncallbacks())
atexit.register(print, 'at exit, after SystemExit')
sys.exit(3)
