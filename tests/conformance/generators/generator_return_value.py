def gen():
    yield 'a'
    return 'result'
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print('value:', e.value, e.args)
def empty():
    return 5
    yield
try:
    next(empty())
except StopIteration as e:
    print('value:', e.value)
