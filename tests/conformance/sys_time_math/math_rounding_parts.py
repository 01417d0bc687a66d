import math
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), math.floor(5), type(math.floor(2.5)).__name__)
print(math.modf(3.75), math.modf(-3.75), math.frexp(8), math.frexp(0.15625), math.ldexp(0.5, 4))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3, math.remainder(7, 3), math.remainder(5, 2), math.fabs(-3), math.copysign(3, -0.0))
class F:
    def __floor__(self):
        return 'custom floor'
    def __ceil__(self):
        return 'custom ceil'
print(math.floor(F()), math.ceil(F()))
