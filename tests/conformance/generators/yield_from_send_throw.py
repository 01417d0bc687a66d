def inner():
    try:
        while True:
            got = yield
            print('inner got', got)
    except KeyError as e:
        print('inner caught', repr(e))
        yield 'recovered'
        return 'inner finished'
def outer():
    r = yield from inner()
    yield f'outer saw {r}'
g = outer()
next(g)
g.send('a')
g.send('b')
print(g.throw(KeyError('k')))
print(next(g))
