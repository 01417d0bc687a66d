a = 2 ** 100
print(a, a + 1, a * a, -a)
print(a // 3, a % 7, divmod(a, 10 ** 12))
print(3 ** 200)
print((10 ** 50 + 7) * (10 ** 50 - 7))
print(2 ** 64 - 1, -(2 ** 63), (2 ** 63) - 1 + 1)
f = 1
for i in range(1, 41):
    f *= i
print(f, len(str(f)))
print(10 ** 40 // 10 ** 20 == 10 ** 20, -(10 ** 30) // 7, -(10 ** 30) % 7)
