# os._exit ends the process at once: no atexit callbacks run.
import atexit
import os
import sys

atexit.register(print, 'never printed')
print('before os._exit')
sys.stdout.flush()
os._exit(0)
