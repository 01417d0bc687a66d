def gen():
    try:
        yield 1
        raise ValueError('inside generator')
    except ValueError as e:
        yield f'caught {e}'
    yield 'continuing'
print(list(gen()))
def gen2():
    yield 1
    raise KeyError('escapes')
g = gen2()
print(next(g))
try:
    next(g)
except KeyError as e:
    print('caller caught', repr(e))
