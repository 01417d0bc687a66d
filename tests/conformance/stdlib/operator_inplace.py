import operator as op

a = [1]
b = op.iadd(a, [2])
print(a, b, a is b)
t = (1,)
u = op.iadd(t, (2,))
print(t, u)
print(op.isub(10, 3), op.imul(3, 4), op.imul([0], 3), op.itruediv(7, 2), op.ifloordiv(7, 2),
      op.imod(7, 2), op.ipow(2, 10), op.ilshift(1, 4), op.irshift(16, 2),
      op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3))
s = {1, 2}
r = op.ior(s, {3})
print(r is s, sorted(s))
r = op.iand(s, {1, 3})
print(sorted(r))
l = [1]
print(op.iconcat(l, [5]) is l, l)
try:
    op.iconcat(1, 2)
except TypeError as e:
    print(type(e).__name__, e)


class Acc:
    def __init__(self):
        self.log = []
    def __iadd__(self, other):
        self.log.append(('iadd', other))
        return self
    def __isub__(self, other):
        return 'isub result'

x = Acc()
print(op.iadd(x, 5) is x, x.log, op.isub(x, 1))
try:
    op.isub('a', 'b')
except TypeError as e:
    print(type(e).__name__, e)
