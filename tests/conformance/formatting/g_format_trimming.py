for v in (100000.0, 1000000.0, 0.0001, 0.00001, 123.456, 1.0, 10.0, 1.5e300, 0.1, 2.0 ** 60):
    print(format(v, 'g'), format(v, '.3g'), format(v, '#g'), format(v, '.10g'), str(v), repr(v))
for p in range(0, 6):
    print(p, format(1234.5678, f'.{p}g'), format(0.00012345, f'.{p}g'))
