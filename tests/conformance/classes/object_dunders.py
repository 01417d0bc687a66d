o = object()
print(type(o).__name__, o == o, o != object())
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
class C:
    pass
c = C()
print(c.__class__ is C, C.__class__ is type, c.__eq__(c), c.__eq__(1), c.__ne__(1))
print(object.__bases__, C.__bases__ == (object,), [k.__name__ for k in C.__mro__])
print(sorted(name for name in ('__init__', '__repr__', '__hash__', '__eq__') if name in dir(object)))
c.__class__ = type('D', (), {})
print(type(c).__name__)
