# Sets of ints iterate in hash-table order, which depends on the table's
# size, probing and deletion markers exactly as CPython implements them.
s = set()
for x in [8, 16, 0, 24, -8, 100, 3]:
    s.add(x)
print(list(s))
s.discard(16)
s.discard(0)
s.add(32)
s.add(40)
print(list(s))
grow = set()
for x in range(20):
    grow.add(x * 7)
print(list(grow))
for x in range(0, 20, 2):
    grow.discard(x * 7)
print(list(grow))
print(grow.pop(), grow.pop(), list(grow))
print(list(set(range(40, 0, -3))), list({-1, -2, 2 ** 61, 2 ** 61 - 2}))
a = set(range(100))
a -= set(range(0, 100, 3))
print(list(a)[:12], len(a))
print(list(frozenset([5, 13, 21, 29])), hash(frozenset([1, 2, 3])), hash(frozenset()))
