from itertools import groupby, tee, islice
import copy

print([(k, list(g)) for k, g in groupby('AAAABBBCCDAABBB')])
print([k for k, g in groupby('AAAABBBCCD')])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3)])
print(list(groupby([])))

# advancing the groupby invalidates the previous group
groups = [(k, g) for k, g in groupby('aabbbc')]
print([(k, list(g)) for k, g in groups])
gb = groupby('aaabbc')
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2))

# partially consumed group, then next
gb = groupby([1, 1, 1, 2, 2, 3])
k, g = next(gb)
next(g)
print(next(gb)[0], [k for k, _ in gb])

words = ['apple', 'avocado', 'banana', 'blueberry', 'cherry', 'apricot']
for key, group in groupby(sorted(words), key=lambda w: w[0]):
    print(key, list(group))

a, b = tee([1, 2, 3])
print(next(a), next(a), list(b), list(a))
x, y, z = tee(iter('abcd'), 3)
print(list(x), list(islice(y, 2)), list(z), list(y))
print(tee('ab', 0), len(tee('ab', 5)))
try:
    tee('a', -1)
except ValueError as e:
    print(type(e).__name__, e)
a, b = tee(range(5))
c = copy.copy(a)
next(a)
print(list(a), list(c), list(b))
a, b = tee(iter([1, 2, 3]))
a2, a3 = tee(a)
print(list(a2), list(a3), list(b))


def source():
    for i in range(3):
        print('produce', i)
        yield i
p, q = tee(source())
print(next(p), next(p), next(q))
print(type(p).__name__, iter(p) is p)

# tee of a tee, and of an iterator that can copy itself: the first result
# is the iterator itself
a, b = tee([1, 2, 3])
next(a)
c, d = tee(a)
print(c is a, list(c), list(d), list(b))


class Copyable:
    def __init__(self, i=0):
        self.i = i
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
    def __copy__(self):
        return Copyable(self.i)

src = Copyable()
x, y, z = tee(src, 3)
print(x is src, type(y).__name__, list(x), list(y), list(z))
