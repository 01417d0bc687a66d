# fractions.Fraction: construction from everything, arithmetic, comparisons, hashing, rounding.
from fractions import Fraction
import math


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for args in [(), (3,), (6, 4), (-6, 4), (6, -4), (0, -5), (Fraction(1, 3), Fraction(2, 5)), (Fraction(3, 2), 2),
             ('3/4',), (' -3/4 ',), ('1.5',), ('-.25',), ('1e-3',), ('2.5E2',), ('1_000/3',), ('7',),
             (0.1,), (-2.5,), (True,), (1, 0), ('1/0',), ('abc',), ('1/',), ('1.2.3',), ('',), ('.',),
             (1.5, 2), ('3', 4), (float('nan'),), (float('inf'),), ([1],)]:
    show(lambda: Fraction(*args))

a, b = Fraction(1, 3), Fraction(3, 4)
for f in [lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b, lambda: a // b, lambda: b % a,
          lambda: divmod(b, a), lambda: a + 1, lambda: 1 - a, lambda: 2 * b, lambda: 1 / a, lambda: a + 0.5,
          lambda: 0.5 * a, lambda: a ** 2, lambda: a ** -2, lambda: (-a) ** -3, lambda: b ** 0.5,
          lambda: 4 ** Fraction(1, 2), lambda: 2 ** Fraction(3), lambda: a / 0, lambda: Fraction(0) ** -1,
          lambda: -a, lambda: +a, lambda: abs(-b), lambda: a + 1j, lambda: -7 % Fraction(2),
          lambda: Fraction(-7, 2) // 1, lambda: a == Fraction(2, 6), lambda: a < b, lambda: b <= 0.75,
          lambda: a > 0.3, lambda: Fraction(1, 2) == 0.5, lambda: Fraction(2) == 2, lambda: a != 'x',
          lambda: a < float('inf'), lambda: a == float('nan'), lambda: sorted([b, a, Fraction(-1), 0.5, 1])]:
    show(f)

for x in [Fraction(7, 2), Fraction(-7, 2), Fraction(5, 2), Fraction(-5, 3), Fraction(0)]:
    print(x, int(x), math.floor(x), math.ceil(x), math.trunc(x), round(x), round(x, 1), round(x, -1),
          float(x), bool(x), x.numerator, x.denominator, x.as_integer_ratio())
for x, v in [(Fraction(1, 2), 0.5), (Fraction(3), 3), (Fraction(-1, 3), None), (Fraction(1, 10), None)]:
    print(hash(x) == hash(v) if v is not None else hash(x) == hash(Fraction(x)), hash(Fraction(-1)) == hash(-1))
print(Fraction(3.141592653589793).limit_denominator(1000), Fraction(3.141592653589793).limit_denominator(10),
      Fraction('3.141592653589793').limit_denominator(), Fraction(1, 3).limit_denominator(5),
      Fraction(0.1).limit_denominator(), Fraction(-11, 7).limit_denominator(3))
show(lambda: Fraction(1, 3).limit_denominator(0))
print(Fraction.from_float(0.25), Fraction.from_float(3), Fraction.from_decimal(5))
show(lambda: Fraction.from_float('x'))
print(str(Fraction(10, 5)), repr(Fraction(-1, 2)), f'{Fraction(1, 3)}', {Fraction(1, 2): 'half'}[0.5])
print(sum([Fraction(1, n) for n in range(1, 11)]))
