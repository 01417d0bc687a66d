# code.replace() and assigning __code__: renaming, new constants, a function
# given another code object, the checks of both.
def f(a, b=2):
    return a + b
c = f.__code__
g = c.replace(co_name='g', co_qualname='g', co_filename='other.py', co_firstlineno=42)
print(g.co_name, g.co_qualname, g.co_filename, g.co_firstlineno, c.co_name, g is c, g == c)
f.__code__ = g
print(f(1), f.__name__)
h = c.replace(co_consts=tuple(2 if k == 2 else k for k in c.co_consts))
print(c.co_consts, h.co_consts)
print(c.replace() is c, c.replace().co_name)
for bad in [dict(co_name=1), dict(co_firstlineno='x'), dict(co_consts=[1]), dict(nope=1)]:
    try:
        c.replace(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    c.replace(1)
except TypeError as e:
    print(e)
print(c.replace(co_flags=c.co_flags, co_argcount=c.co_argcount).co_argcount)
def deco(fn):
    fn.__code__ = fn.__code__.replace(co_name='renamed')
    return fn
@deco
def boom():
    raise ValueError('x')
try:
    boom()
except ValueError as e:
    import traceback
    print(traceback.extract_tb(e.__traceback__)[-1].name)
def f(a):
    return a
def g(a, b, *, c=3):
    return a + b + c
for i in range(3):
    print(f(1))
f.__code__ = g.__code__
try:
    print(f(1))
except TypeError as e:
    print(e)
f.__kwdefaults__ = {'c': 3}
print(f(1, 2), f(1, 2, c=10))
def gen():
    yield 1
def plain():
    return 'plain'
k = plain
for _ in range(2): print(k())
k.__code__ = gen.__code__
print(list(k()))
def rec(n):
    rec.__code__ = plain.__code__
    return n
print(rec(5), rec(6))
