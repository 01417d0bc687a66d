print(abs(-5), abs(5.5), abs(-0.0), abs(-3 + 4j), abs(True), abs(-10 ** 20))
print(round(2.5), round(3.5), round(-1.5), round(0.5), round(7), round(15, -1), round(25, -1), round(-25, -1), round(1234, -2))
print(round(2.675, 2), round(1.005, 2), round(0.1 + 0.2, 1), round(123.456, -1), round(5.5, None), round(1e300, -300))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17.5, 5))
print(pow(2, 8), pow(2.0, 3), pow(2, -2), pow(5, 3, 13), pow(-5, 3, 13), pow(3, 4, -5))
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    round('x')
except TypeError as e:
    print(type(e).__name__, e)
