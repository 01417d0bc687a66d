# The four operators the interpreter runs without the generic path (+, -, *,
# /) and their augmented forms, on small ints, floats and mixes, at the edges
# where the fast path must give way: overflow past 62 bits, division by zero,
# ints too large for a double to hold exactly, subclasses, and operands
# whose reference the stack alone holds.
import sys

big = 2 ** 62
vals = [0, 1, -1, 7, -7, 3, big - 1, -big, 2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1, 10 ** 20,
        0.0, -0.0, 1.5, -2.25, 1e308, float('inf'), float('nan')]
for a in vals:
    for b in vals:
        row = []
        for op in (lambda a, b: a + b, lambda a, b: a - b, lambda a, b: a * b, lambda a, b: a / b):
            try:
                row.append(repr(op(a, b)))
            except Exception as e:
                row.append(type(e).__name__)
        x = a
        try:
            x += b
            x -= b
            x *= b
            x /= b
            row.append(repr(x))
        except Exception as e:
            row.append(type(e).__name__)
        print(repr(a), repr(b), ' '.join(row))

# Quotients of ints a double holds exactly are correctly rounded.
print(1 / 3, 2 / 3, -7 / 2, 9007199254740993 / 1, 9007199254740992 / 3, (2 ** 53) / -(2 ** 53))

class I(int):
    def __add__(self, other):
        return 'I.__add__'
    def __truediv__(self, other):
        return 'I.__truediv__'
class F(float):
    def __mul__(self, other):
        return 'F.__mul__'
    def __rsub__(self, other):
        return 'F.__rsub__'
print(I(1) + 2, I(4) / 2, F(1.5) * 2.0, 3.0 - F(1.0), 3 - F(1.0), F(2.0) + 1.0)

# A float result may reuse an operand only the stack holds; the others keep
# their values.
a = 1.5
b = 2.5
c = a * b + a / b - (a - b) * (b + a)
print(a, b, c, sys.getrefcount(a) > 0)
xs = [0.5 * i for i in range(6)]
total = 0.0
for v in xs:
    total += v * v - v / 2.0
print(total, xs)
