def gen():
    yield from 'ab'
g = gen()
print(iter(g) is g, hasattr(g, '__next__'), hasattr(g, 'send'))
print(next(g), g.__next__())
print(list(g), list(g))
