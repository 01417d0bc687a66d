z = 3.14159 - 2.71828j
print(format(z), format(z, '.2f'), format(z, '>20.3e'), format(z, '+.1f'), format(z, 'g'), format(1j, ''), format(-1j, '.1f'))
print(format(complex(1e20, 1e-20), 'g'), format(complex(0, 0), ''), format(complex(-0.0, -0.0), ''))
