from functools import total_ordering, cmp_to_key


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts
    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts
    def __repr__(self):
        return 'V' + '.'.join(map(str, self.parts))

a, b = Version(1, 2), Version(1, 10)
print(a < b, a > b, a <= b, a >= b, a == b, a != b, a <= Version(1, 2), a >= Version(1, 2))
print(sorted([b, a, Version(0, 9)]))
print(Version.__gt__.__name__, Version.__le__.__name__, Version.__ge__.__name__)
try:
    a < 3
except TypeError as e:
    print(type(e).__name__, e)
try:
    a >= 3
except TypeError as e:
    print(type(e).__name__, e)


for root in ('__le__', '__gt__', '__ge__'):
    ns = {'__init__': lambda self, v: setattr(self, 'v', v),
          '__eq__': lambda self, o: self.v == o.v}
    ns[root] = {'__le__': lambda s, o: s.v <= o.v,
                '__gt__': lambda s, o: s.v > o.v,
                '__ge__': lambda s, o: s.v >= o.v}[root]
    K = total_ordering(type('K' + root.strip('_'), (), ns))
    x, y = K(1), K(2)
    print(K.__name__, x < y, x > y, x <= y, x >= y, x < K(1), x <= K(1), x > K(1), x >= K(1))


try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(type(e).__name__, e)


def cmp(a, b):
    return (a > b) - (a < b)

def by_len(a, b):
    return cmp(len(a), len(b)) or cmp(a, b)

print(sorted(['ccc', 'a', 'bb', 'aa'], key=cmp_to_key(by_len)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(max([3, 1, 2], key=cmp_to_key(cmp)), min('hello', key=cmp_to_key(cmp)))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(1) == K(1), K(2) >= K(3), K(1).obj)
try:
    hash(K(1))
except TypeError as e:
    print(type(e).__name__)
