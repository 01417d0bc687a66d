def f(a, b=1, *, c=2, d):
    """Docstring of f."""
    return a
print(f.__name__, f.__qualname__, f.__doc__)
print(f.__defaults__, f.__kwdefaults__, f.__module__)
def g():
    pass
print(g.__doc__, g.__defaults__, g.__kwdefaults__)
class C:
    def method(self):
        def inner():
            pass
        return inner
print(C.method.__qualname__, C().method().__qualname__)
f.__name__ = 'renamed'
print(f.__name__, f.__qualname__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_varnames)
