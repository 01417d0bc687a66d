# sum() adds small ints as machine ints and floats in a double: the same
# results `+` gives at every step, through overflow past 62 bits, ints
# among floats, floats after ints, signed zeros, infinities and NaNs, and
# whatever else comes along (bools, big ints, subclasses, other types).
big = 2 ** 62
print(sum(range(1000)), sum([big - 1, 1]), sum([-big, -1]), sum([big] * 3), sum([big - 1, 1, -5]))
print(sum([0.1] * 10), sum([1, 0.5, 2, 0.25]), sum([0.5, 1, 2 ** 62, 3]), sum([1e308, 1e308, -1e308]))
print(sum([-0.0]), sum([-0.0, -0.0], -0.0), sum([], -0.0), sum([0.0, -0.0]), sum([float('inf'), 1]))
print(sum([float('nan'), 1.0]), sum([1.5, True, 2]), sum([True, True, 3]), sum([1.5, 10 ** 30]), sum([10 ** 30, 0.5]))
print(sum([1, 2], 0.5), sum([0.5, 2 ** 53, 1]), sum([2 ** 53, 1, 0.0]), sum([3.0, 4], 5))
class I(int):
    def __radd__(self, other):
        return 'I.__radd__'
    def __add__(self, other):
        return 'I.__add__'
print(sum([1, I(2)]), sum([I(2)]), sum([0.5, I(2)]))
print(sum([[1], [2]], []), sum([(1,), (2,)], ()), sum([1j, 2, 0.5]))
from fractions import Fraction
print(sum([Fraction(1, 3), 1, 0.5]), sum([0.5, Fraction(1, 2)]))
for bad in ([1, 'a'], [1.5, 'a'], [1.5, None]):
    try:
        sum(bad)
    except TypeError as e:
        print(e)
def gen():
    yield 1.5
    yield 2
    raise ValueError('stop')
try:
    sum(gen())
except ValueError as e:
    print(e)
print(sum(x * 0.5 for x in range(100)), sum(i for i in range(-5, 5)))
