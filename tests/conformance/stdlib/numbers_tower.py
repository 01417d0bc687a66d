# numbers: the abstract numeric tower and where the built-in types sit in it.
import numbers
from numbers import Complex, Integral, Number, Rational, Real

for value in [1, True, 2.5, 1j]:
    print(type(value).__name__, [isinstance(value, cls) for cls in (Number, Complex, Real, Rational, Integral)])
print(isinstance('1', Number), issubclass(Integral, Real), issubclass(Real, Integral))
print(numbers.__all__)

try:
    Integral()
except TypeError as e:
    print(type(e).__name__, str(e).split(' with')[0])


class Meters(Real):
    def __init__(self, value):
        self.value = float(value)

    def __float__(self): return self.value
    def __trunc__(self): return int(self.value)
    def __floor__(self): return int(self.value // 1)
    def __ceil__(self): return -int(-self.value // 1)
    def __round__(self, ndigits=None): return round(self.value, ndigits)
    def __floordiv__(self, other): return self.value // float(other)
    def __rfloordiv__(self, other): return float(other) // self.value
    def __mod__(self, other): return self.value % float(other)
    def __rmod__(self, other): return float(other) % self.value
    def __lt__(self, other): return self.value < float(other)
    def __le__(self, other): return self.value <= float(other)
    def __add__(self, other): return Meters(self.value + float(other))
    def __radd__(self, other): return Meters(float(other) + self.value)
    def __neg__(self): return Meters(-self.value)
    def __pos__(self): return Meters(self.value)
    def __mul__(self, other): return Meters(self.value * float(other))
    def __rmul__(self, other): return Meters(float(other) * self.value)
    def __truediv__(self, other): return Meters(self.value / float(other))
    def __rtruediv__(self, other): return Meters(float(other) / self.value)
    def __pow__(self, other): return Meters(self.value ** float(other))
    def __rpow__(self, other): return Meters(float(other) ** self.value)
    def __abs__(self): return Meters(abs(self.value))
    def __eq__(self, other): return self.value == float(other)
    def __repr__(self): return 'Meters(%r)' % self.value


m = Meters(7.5)
print(isinstance(m, Complex), m.real, m.imag, m.conjugate(), complex(m), divmod(m, 2), m - 1, 10 - m)
print(bool(Meters(0)), bool(m))


class Counter(Integral):
    pass


print(sorted(Counter.__abstractmethods__)[:5])
print(Integral.numerator.__get__(5), Integral.denominator.__get__(5), Rational.__float__.__name__)
