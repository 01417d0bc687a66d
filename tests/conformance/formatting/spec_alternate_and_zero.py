print(format(255, '#x'), format(255, '#X'), format(8, '#o'), format(5, '#b'), format(0, '#x'))
print(format(255, '#010x'), format(-255, '#010x'), format(5, '08b'), format(3.0, '#g'), format(3.0, 'g'))
print(format(1.0, '#.0f'), format(1.0, '.0f'), format(1.0, '#.0e'), format(12, '#.3g'))
print(format(42, '010'), format(-3.5, '010.2f'), format(3.5, '+010.2f'))
