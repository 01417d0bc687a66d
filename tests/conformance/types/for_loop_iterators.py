# `for` over lists and ranges, which the interpreter steps itself: a list
# growing or shrinking while iterated, an exhausted iterator that stays
# exhausted when its list grows again, an iterator resumed by hand, and
# ranges at the edges of the 62-bit small ints and beyond.
xs = [1, 2, 3]
for x in xs:
    if x < 6:
        xs.append(x + 3)
print(xs)
ys = [1, 2, 3, 4, 5, 6]
seen = []
for y in ys:
    seen.append(y)
    if ys:
        ys.pop(0)
print(seen, ys)
it = iter([1, 2])
for v in it:
    pass
lst = [10]
it2 = iter(lst)
print(list(it2), end=' ')
lst.append(11)
print(list(it2))
it3 = iter([1, 2, 3, 4])
next(it3)
for v in it3:
    print(v, end=' ')
    break
print(list(it3))
for v in []:
    print('never')
r = range(2 ** 62 - 3, 2 ** 62 + 3)
print([v for v in r])
print([v for v in range(-(2 ** 62) + 2, -(2 ** 62) - 3, -1)])
print([v for v in range(2 ** 63 - 3, 2 ** 63 + 2, 2)])
print(sum(v for v in range(10 ** 6)), [v for v in range(5, -6, -3)], list(range(0)))
rit = iter(range(3))
next(rit)
for v in rit:
    print('range', v)
print(list(rit))
class L(list):
    def __iter__(self):
        return iter([7, 8])
for v in L([1, 2]):
    print('L', v)
d = {'a': 1}
try:
    for k in d:
        d['b'] = 2
except RuntimeError as e:
    print(e)
