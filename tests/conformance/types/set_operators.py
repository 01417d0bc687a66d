a, b = {1, 2, 3}, {3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
c = a.copy()
c |= b
c -= {1}
c &= {2, 3, 4, 5}
c ^= {4, 6}
print(sorted(c))
print({1, 2} == {2, 1}, {1} != {2}, set() == frozenset(), {1, 2, 3} > {1, 2})
try:
    {1} | [2]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted({1}.union([2], (3,))))
print({0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 1}, set([3, 3, 1]))
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__, e)
