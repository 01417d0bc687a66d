it = iter([1, 2])
print(next(it), next(it), next(it, 'done'))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, e.args)
values = [3, 2, 1, 0, 5]
source = iter(values)
print(list(iter(lambda: next(source), 0)))
calls = []
def counter():
    calls.append(1)
    return len(calls)
print(list(iter(counter, 4)))
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
