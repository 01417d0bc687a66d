import math
print(math.factorial(0), math.factorial(20), math.factorial(25))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 27), math.lcm(4, 6), math.lcm(2, 3, 4), math.lcm())
print(math.comb(10, 3), math.comb(5, 0), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.comb(100, 50))
print(math.isqrt(0), math.isqrt(10 ** 30), math.prod([1, 2, 3, 4]), math.prod([], start=5), math.prod(range(1, 6), start=2))
