print(int('42'), int('  -17  '), int('+8'), int('1_000'), int('0'))
print(int('ff', 16), int('0xff', 16), int('0xff', 0), int('0o17', 0), int('0b101', 0), int('z', 36))
print(int('101', 2), int('777', 8), int('-Ab', 16), int('0', 0))
for bad in ('', '1.5', '0x10', '1__0', '_1', '12a'):
    try:
        int(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for base in (1, 37):
    try:
        int('1', base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int('08', 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    int(12, 10)
except TypeError as e:
    print(type(e).__name__, e)
print(int(3.99), int(-3.99), int(True), int(b'12'), int('١٢٣'))
