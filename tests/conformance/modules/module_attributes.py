import sys
import _helper_star
mod = sys.modules[__name__]
print(type(mod).__name__, mod.__name__, __doc__, __package__, __spec__)
print(sorted(k for k in vars(_helper_star) if not k.startswith('__')))
print(_helper_star.__name__, _helper_star.__package__ == '', _helper_star.__spec__.name)
_helper_star.added = 'set from outside'
from _helper_star import added
print(added)
import types
m = types.ModuleType('made', 'made doc')
print(m.__name__, m.__doc__)
