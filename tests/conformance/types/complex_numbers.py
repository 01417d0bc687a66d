z = complex(3, 4)
print(z, z.real, z.imag, abs(z), z.conjugate(), -z)
print(z + 1, z * 1j, z / 2, z ** 2, (1 + 1j) ** 0.5)
print(complex('1+2j'), complex(' 3j '), complex('-1.5'), complex(2), complex(1, 2) == 1 + 2j)
print(repr(complex(1, -0.0)), repr(complex(-0.0, 1)), complex(float('inf'), float('nan')))
print(1j * 1j, (1j).imag, type(1j.real).__name__)
try:
    z < z
except TypeError as e:
    print(type(e).__name__, e)
try:
    complex('1 + 2j')
except ValueError as e:
    print(type(e).__name__, e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    int(1j)
except TypeError as e:
    print(type(e).__name__, e)
