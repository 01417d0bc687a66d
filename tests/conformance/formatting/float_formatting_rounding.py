for v in (0.5, 1.5, 2.5, 0.125, 0.375, 2.675, 1.005, 1e22, 1e23, 9.995, 0.045):
    print(repr(v), format(v, '.0f'), format(v, '.2f'), format(v, '.1e'), round(v, 2), '%.2f' % v, f'{v:.2f}')
print(format(-0.0, '.1f'), format(-0.0, 'g'), format(-0.0, 'e'), str(-0.0), '%.1f' % -0.0, format(-1e-9, '.2f'))
print(format(1e300 * 10, 'f'), format(-(1e300 * 10), '.2f'), format(float('nan'), '08.2f'), format(float('inf'), '08'))
print(f'{2 / 3:.17f}', f'{0.1:.25f}', f'{1e-5:f}', f'{123456789.0:e}')
