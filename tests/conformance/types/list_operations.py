a = [1, 2]
print(a + [3], a * 3, [0] * 0, 3 * a, a == [1, 2], a < [1, 3], [1, 2, 3] > [1, 2], [] < [0])
print(list(), list('ab'), list(range(3)), list({'k': 1}), list((1, 2)))
nested = [[0] * 2] * 2
nested[0][0] = 'shared'
print(nested)
print([1, [2, 3]] == [1, [2, 3]], [1, 2] == (1, 2), len([None] * 5), [1, 2, 3][-1])
try:
    a[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    a[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    a + (3,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    a['x']
except TypeError as e:
    print(type(e).__name__, e)
a += (3, 4)
print(a)
