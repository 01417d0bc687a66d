print(format(1234567, 'n'), format(1234.5, 'n'), format(0.000012, 'n'), format(-10 ** 7, 'n'))
