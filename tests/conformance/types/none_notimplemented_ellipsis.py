print(None, repr(None), type(None).__name__, None is None, None == None, bool(None))
print(NotImplemented, type(NotImplemented).__name__, Ellipsis, ..., type(...).__name__, ... is Ellipsis)
print(type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
try:
    None.x = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(str(None), str(...), f'{None!r}', [None, ..., NotImplemented])
