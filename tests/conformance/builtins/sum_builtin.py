print(sum([1, 2, 3]), sum([], 10), sum([0.1] * 10), sum(range(5), start=100), sum([[1], [2]], []))
print(sum([1.5, 2.5]), sum([1, 2.0]), sum((x * x for x in range(4))), sum([True, True]))
try:
    sum(['a', 'b'], '')
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, 'a'])
except TypeError as e:
    print(type(e).__name__, e)
print(sum([1e100, 1.0, -1e100]))
