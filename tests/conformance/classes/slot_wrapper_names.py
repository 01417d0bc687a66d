# Slot wrappers (int.__add__) and method-wrappers ((1).__add__) have
# __name__, __qualname__, __objclass__ and __self__, so functools.wraps works on them.
import functools
for f in (int.__add__, (1).__add__, object.__init__, list.__len__, [].__len__, type.__call__, str.__eq__, object.__repr__):
    print(f.__name__, f.__qualname__, f.__objclass__, getattr(f, "__self__", "-") if not isinstance(getattr(f, "__self__", None), type) else "type")
class C:
    pass
print(C.__init__.__qualname__, C().__repr__.__name__)
@functools.wraps(int.__add__)
def add(a, b): return a + b
print(add.__name__, add.__qualname__, add(1, 2))
