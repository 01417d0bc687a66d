values = [0.0, 1.0, -1.5, 123456.789, 1.5e-5, 1e16, 1e-320, float('inf'), float('-nan')]
for v in values:
    print(' '.join(repr(format(v, t)) for t in ('e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '')))
