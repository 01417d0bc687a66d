t = (1, 'two', [3])
print(t, len(t), t[1], t[-1], t[::2], t.count(1), t.index('two'), (1,) + (2,), (0,) * 3)
print(tuple(), tuple([1, 2]), tuple('ab'), (1, 2) == (1, 2), (1, 2) < (1, 3), (1,) < (1, 0))
t[2].append(4)
print(t)
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(t)
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), type(()).__name__, (5), (5,))
try:
    t.index('zz')
except ValueError as e:
    print(type(e).__name__, e)
a, (b, c) = 1, (2, 3)
print(a, b, c)
