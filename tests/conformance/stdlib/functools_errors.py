# Argument errors of functools' and operator's callables, worded as CPython's.
import functools as ft
import operator as op

calls = ['ft.reduce()', 'ft.reduce(op.add)', 'ft.reduce(op.add, [1], initial=3)', 'ft.reduce(op.add, 3)',
         'ft.reduce(op.add, [], 1, 2)', 'ft.lru_cache(maxsize="x")', 'ft.lru_cache(3.5)',
         'ft.partial(func=len)', 'ft.total_ordering(3)', 'op.itemgetter(x=1)', 'op.attrgetter("a", x=1)',
         'op.attrgetter()', 'op.methodcaller(name="x")', 'ft.cmp_to_key(len)(1).obj', 'ft.cmp_to_key(len)(1)(2).obj']
for c in calls:
    try:
        r = eval(c)
        print(c, 'ok', type(r).__name__)
    except Exception as e:
        print(c, type(e).__name__, e)
print(type(ft.cmp_to_key(len)).__name__)
print(ft.cmp_to_key(len).obj)
