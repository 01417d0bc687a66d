print(format(1234567, ','), format(1234567, '_'), format(-1234567.891, ',.2f'), format(1234.5, '_f'))
print(format(0xDEADBEEF, '_x'), format(255, '_b'), format(123, ','), format(12345678, '020,'))
print(format(1234567, ',d'), format(10 ** 20, ','), format(0.5, ',.3f'), format(1e6, ',g'))
try:
    format(1234, ',x')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(1, ',_')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format('s', ',')
except ValueError as e:
    print(type(e).__name__, e)
