import math
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.sinh(0), math.cosh(0), math.tanh(100), math.tanh(-100))
