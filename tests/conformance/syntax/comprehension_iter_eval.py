def src(name, n):
    print('src', name)
    return range(n)
g = (x for x in src('outer', 2) for y in src('inner', 2))
print('created')
print(list(g))
try:
    (1 / 0 for _ in [])
    print('not raised: outermost iterable is evaluated? no, the iterable [] is')
    (x for x in 1 / 0)
except ZeroDivisionError as e:
    print('raised at creation:', e)
