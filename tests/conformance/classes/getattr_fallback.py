class Lazy:
    real = 'real attribute'
    def __getattr__(self, name):
        if name.startswith('dyn_'):
            return name[4:].upper()
        raise AttributeError(f'{type(self).__name__!r} has no {name!r}')
l = Lazy()
print(l.real, l.dyn_value)
try:
    l.other
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(l, 'missing', 'default'), hasattr(l, 'dyn_x'), hasattr(l, 'zzz'))
