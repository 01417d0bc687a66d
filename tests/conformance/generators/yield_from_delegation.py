def inner():
    yield 1
    yield 2
    return 'inner done'
def outer():
    result = yield from inner()
    print('inner returned', result)
    yield 3
    r2 = yield from [10, 20]
    print('list delegation gives', r2)
print(list(outer()))
