import functools
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return fn(*a, **k)
    return wrapper
@deco
def documented(x):
    """The doc."""
    return x * 2
print(documented.__name__, documented.__doc__, documented(4))
print(documented.__wrapped__(5))
