import math
big = 10 ** 100
print(math.sqrt(big), math.log10(big), math.isqrt(big) == 10 ** 50, math.floor(big) == big, math.gcd(big, 10 ** 40 * 7))
print(math.trunc(1e20), math.ceil(1e20 + 0.5), math.log(2 ** 1000, 2), math.log2(2 ** 2000))
try:
    math.sqrt(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
