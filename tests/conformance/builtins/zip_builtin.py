print(list(zip('abc', [1, 2, 3])), list(zip('ab', range(10))), list(zip()), list(zip([1])))
print(list(zip(*[(1, 'a'), (2, 'b')])))
print(dict(zip(['k1', 'k2'], [1, 2])))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in (([1, 2], [3]), ([1], [2, 3]), ([1], [2], [3, 4])):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    zip(1)
except TypeError as e:
    print(type(e).__name__, e)
