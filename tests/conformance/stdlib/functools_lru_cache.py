from functools import lru_cache, cache

calls = []

@lru_cache(maxsize=2)
def square(x):
    calls.append(x)
    return x * x

print([square(i) for i in (1, 2, 1, 3, 2, 1)])
print(calls)
print(square.cache_info())
info = square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], len(info), tuple(info))
print(square.cache_parameters())
square.cache_clear()
print(square.cache_info())


@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(60), fib.cache_info(), fib.__name__, fib.__wrapped__.__name__)
print(fib.cache_parameters())


@lru_cache(maxsize=None)
def ident(x, **kw):
    calls.append(('ident', x, tuple(sorted(kw.items()))))
    return x

calls.clear()
ident(1); ident(1); ident(1, a=2); ident(1, a=2); ident(x=1)
print(calls, ident.cache_info())


@lru_cache(typed=True)
def typed(x):
    calls.append(('typed', x))
    return x

calls.clear()
typed(3); typed(3.0); typed(3); typed(True)
print(calls, typed.cache_info())

@lru_cache()
def untyped(x):
    return type(x).__name__
print(untyped(3), untyped(3.0), untyped.cache_info())


@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())

@lru_cache(maxsize=-5)
def neg(x):
    return x
neg(1)
print(neg.cache_info(), neg.cache_parameters())


@cache
def fact(n):
    return 1 if n == 0 else n * fact(n - 1)
print(fact(20), fact.cache_info())

try:
    lru_cache('x')
except TypeError as e:
    print(type(e).__name__, e)

try:
    square([1])
except TypeError as e:
    print(type(e).__name__, e)


class Pt:
    def __init__(self, v):
        self.v = v
    @lru_cache(maxsize=8)
    def double(self):
        calls.append(('double', self.v))
        return self.v * 2
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return self.v == other.v

calls.clear()
a = Pt(4)
print(a.double(), a.double(), Pt(4).double(), calls, Pt.double.cache_info())
