print((1.5).is_integer(), (2.0).is_integer(), float('inf').is_integer())
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.25).as_integer_ratio())
print((1.0).hex(), (0.1).hex(), (-2.5).hex(), (0.0).hex(), float('inf').hex(), (5e-324).hex())
print(float.fromhex('0x1.8p1'), float.fromhex('-0x1p-2'), float.fromhex('0x1.999999999999ap-4'))
print((3.7).real, (3.7).imag, (3.7).conjugate(), float.__name__)
print(float('1_000.5'), float(' -12.5e1 '), float(7), float(True), float('.5'), float('5.'))
for bad in ('', 'abc', '1.2.3', '1__0'):
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    (float('nan')).as_integer_ratio()
except ValueError as e:
    print(type(e).__name__, e)
