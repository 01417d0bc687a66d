import math
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.cbrt(27), math.cbrt(-8), math.exp(1), math.exp2(10), math.expm1(1e-10))
print(math.pow(2, 0.5), math.pow(2, -1), math.pow(0, 0), math.pow(-8, 3))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(1e-10), math.log(10 ** 400))
print(math.log(1), math.log10(0.001), math.log2(0.5))
