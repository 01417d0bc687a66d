print(format(0.25, '%'), format(0.25, '.0%'), format(1 / 3, '.2%'), format(-0.5, '+.1%'), format(1, '%'))
print(f'{0.123456:.1%}', '{:>8.1%}'.format(0.5), format(0.005, '.0%'), format(0.015, '.0%'))
