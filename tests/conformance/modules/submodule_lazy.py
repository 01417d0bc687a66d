import pkg_lazy
print(hasattr(pkg_lazy, 'mod'))
try:
    pkg_lazy.mod
except AttributeError as e:
    print(type(e).__name__, e)
import pkg_lazy.mod
print(hasattr(pkg_lazy, 'mod'), pkg_lazy.mod.VALUE)
