m = __import__('math')
print(m.__name__, m.sqrt(16))
sys_mod = __import__('sys')
print(sys_mod.__name__)
try:
    __import__('no_such_module_abc')
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
import builtins
print(builtins.__import__ is __import__)
