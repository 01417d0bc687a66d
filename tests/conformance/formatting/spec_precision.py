print(format(3.14159, '.0f'), format(3.14159, '.3f'), format(2.5, '.0f'), format(3.5, '.0f'), format(0.125, '.2f'))
print(format(1234.5678, '.2e'), format(1234.5678, '.3E'), format(0.000123, '.1e'), format(1e-10, 'e'))
print(format('truncate me', '.5'), format('ab', '.10'), format(1 / 3, '.15'), format(2 / 3, '.3'))
try:
    format(42, '.2d')
except ValueError as e:
    print(type(e).__name__, e)
print(format(2 ** 0.5, '.50f'))
