# Sorting tuples, strs, floats and ints, with equal, unequal and NaN items,
# items whose __eq__/__lt__ print, a tuple subclass with its own __lt__;
# comparisons of strs and floats; f-strings of ints.
import math
data = [(3, 'a'), (1, 'b'), (3, 'a', 0), (1,), (), (2.5, 1), (2, 2), (1, 'a')]
print(sorted(data[:2] + data[3:5] + data[6:]))
print(sorted([(1, 2), (1, 2.0), (0.5, 3), (True, 0)]))
nan = float('nan')
print(sorted([(nan, 1), (1.0, 2), (nan, 0), (0.5, 1)]))
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): print('eq', self.v, o.v); return self.v == o.v
    def __lt__(self, o): print('lt', self.v, o.v); return self.v < o.v
    def __repr__(self): return f'K{self.v}'
print(sorted([(1, K(2)), (1, K(1)), (0, K(5))]))
try:
    sorted([(1, 'a'), (1, 2)])
except TypeError as e:
    print(e)
print(sorted([('b', 2), ('a', 3), ('b', 1), ('é', 0), ('e', 9)], reverse=True))
print(sorted([(10**30, 1), (10**30, 0), (-10**30, 5), (5, 5)]))
class T(tuple):
    def __lt__(self, o): return len(self) > len(o)
print(sorted([T((1,)), T((1, 2)), T(())]))
print([1.5, 'x'] < [1.5, 'y'], 'abc' < 'abd', 'é' > 'z', 2.0 <= 2, 3 > 2.5)
x = f"{5}{-7}{0}{10**20}{True}" ; print(x, f"{3!r}{4!s}{5!a}{6:>3}")
print("a" "b" f"{'c'}" f"{1.5}")
