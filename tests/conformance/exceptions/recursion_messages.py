# The RecursionError message through bound methods (stored or not),
# functools.partial and __repr__.
class A:
    def m(self, n):
        return self.m(n + 1)
try:
    A().m(0)
except RecursionError as e:
    print(e)
import functools
def g(n):
    return p(n + 1)
p = functools.partial(g)
try:
    g(0)
except RecursionError as e:
    print(e)
class D:
    def __repr__(self):
        return repr(self)
try:
    repr(D())
except RecursionError as e:
    print(e)
class A:
    def __init__(self):
        self.f = self.m
    def m(self, n):
        return self.f(n + 1)
try:
    A().m(0)
except RecursionError as e:
    print(e)
def outer():
    import types
    class B: pass
    b = B()
    b.f = types.MethodType(lambda self, n: self.f(n + 1), b)
    try:
        b.f(0)
    except RecursionError as e:
        print(e)
outer()
