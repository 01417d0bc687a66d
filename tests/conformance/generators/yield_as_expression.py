def echo():
    received = []
    x = yield 'first'
    received.append(x)
    y = (yield 'second') + 1
    received.append(y)
    yield received
g = echo()
print(next(g))
print(g.send('hello'))
print(g.send(41))
def bare():
    v = yield
    print('bare got', v)
    yield
b = bare()
print(next(b))
print(b.send('value'))
