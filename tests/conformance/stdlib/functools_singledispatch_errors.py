# singledispatch.register refuses what is not a class or a union of classes.
from functools import singledispatch
import typing
@singledispatch
def f(x): return 'obj'
for bad in [list[int], typing.List[int], 3, typing.Union[int, list[int]]]:
    try:
        f.register(bad, lambda x: 1)
        print('ok', bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(isinstance(list[int], type))
@f.register
def _(x: int | str): return 'int|str'
print(f(1), f('a'), f(2.0))
def g(x: list[int]): return 'li'
try:
    f.register(g)
except TypeError as e:
    print(type(e).__name__, e)
