o = object()
print(type(o).__name__, isinstance(o, object))
T = type('T', (object,), {'a': 1})
print(T.a, T.__name__, type(T).__name__, isinstance(T(), T))
print(type(3), type(int), type(type))
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    type()
except TypeError as e:
    print(type(e).__name__, e)
