import sys
import math
print('math' in sys.modules, sys.modules['math'] is math)
print(type(sys.modules).__name__, 'sys' in sys.modules, 'builtins' in sys.modules)
class Fake:
    answer = 42
sys.modules['fake_module'] = Fake()
import fake_module
print(fake_module.answer)
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e)
