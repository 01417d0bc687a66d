# Indexing lists and tuples with small ints, which the interpreter does
# itself: negative indexes, the bounds, ints past 62 bits, bools, and
# subclasses that index their own way.
t = (10, 20, 30)
xs = [10, 20, 30]
for i in (0, 2, -1, -3, True, False):
    print(t[i], xs[i])
for seq in (t, xs, (), []):
    for i in (3, -4, 2 ** 62, -(2 ** 62) - 1, 2 ** 100):
        try:
            print(seq[i])
        except IndexError as e:
            print(type(seq).__name__, i, e)
class T(tuple):
    def __getitem__(self, i):
        return ('T', i)
class L(list):
    def __getitem__(self, i):
        return ('L', i)
print(T((1, 2))[0], L([1, 2])[1], tuple.__getitem__(T((1, 2)), 1))
pairs = [(i, i * i) for i in range(5)]
print(sum(p[1] - p[0] for p in pairs), [p[-1] for p in pairs])
nested = ((1, (2, 3)), [4, [5, 6]])
print(nested[0][1][0], nested[1][1][-1], nested[-1][0])
try:
    t['a']
except TypeError as e:
    print(e)
try:
    t[1.0]
except TypeError as e:
    print(e)
