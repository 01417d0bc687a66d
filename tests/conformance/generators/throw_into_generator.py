def gen():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            print('handled', e)
g = gen()
print(next(g))
print(g.throw(ValueError('oops')))
try:
    g.throw(TypeError('not handled'))
except TypeError as e:
    print('escaped', e)
try:
    next(g)
except StopIteration:
    print('generator is finished after an uncaught throw')
g3 = gen()
try:
    g3.throw(KeyError('before start'))
except KeyError as e:
    print('thrown into unstarted generator', repr(e))
