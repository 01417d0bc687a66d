print(5 & 3, 5 | 3, 5 ^ 3, ~5, 5 << 3, 40 >> 2)
print(-5 & 0xFF, -5 | 2, -5 ^ 3, -40 >> 2, -1 >> 100, 1 << 100)
print((1 << 100) >> 98, (2 ** 70 - 1) & 0xFFFF, -(2 ** 70) >> 60)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
print(bin(0b1010 & ~0b10))
