import operator as op

pairs = [(7, 3), (-7, 2), (2.5, 0.5), (6, 4)]
for name in ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lt', 'le',
             'eq', 'ne', 'ge', 'gt', 'and_', 'or_', 'xor', 'lshift', 'rshift',
             'is_', 'is_not']:
    fn = getattr(op, name)
    row = []
    for a, b in pairs:
        try:
            row.append(fn(a, b))
        except TypeError as e:
            row.append(type(e).__name__)
    print(name, row)

for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'not_', 'truth', 'index']:
    fn = getattr(op, name)
    row = []
    for a in [5, -3, 0, True]:
        row.append(fn(a))
    print(name, row)

print(op.truth([]), op.truth([0]), op.not_(''), op.abs(-2.5), op.neg(2.5))
try:
    op.index(2.5)
except TypeError as e:
    print(type(e).__name__, e)

class Idx:
    def __index__(self):
        return 42
print(op.index(Idx()), [0, 1, 2][op.index(True)])

class M:
    def __matmul__(self, other):
        return 'matmul'
    def __imatmul__(self, other):
        return 'imatmul'
print(op.matmul(M(), 1), op.imatmul(M(), 1))

print(op.concat([1], [2]), op.concat('a', 'b'), op.concat((1,), (2,)))
try:
    op.concat(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(op.contains([1, 2], 2), op.contains('abc', 'd'))
print(op.countOf([1, 2, 1, 1.0, True], 1), op.indexOf('abcb', 'b'))
try:
    op.indexOf([1, 2], 3)
except ValueError as e:
    print(type(e).__name__, e)

d = {'a': 1}
op.setitem(d, 'b', 2)
print(op.getitem(d, 'b'), d)
op.delitem(d, 'a')
print(d)
lst = list(range(10))
print(op.getitem(lst, slice(2, 5)))
op.setitem(lst, slice(0, 8), [])
print(lst)
op.delitem(lst, 0)
print(lst)
print(op.call(max, 1, 5, 3), op.call(sorted, [3, 1], reverse=True))

# the dunder aliases
print(op.__add__ is op.add, op.__lt__(1, 2), op.__not__(0), op.__getitem__('xy', 1),
      op.__concat__('a', 'b'), op.__inv__(0), op.__iadd__([1], [2]), op.__call__(len, 'ab'))
print(sorted(n for n in op.__all__)[:10], len(op.__all__))
