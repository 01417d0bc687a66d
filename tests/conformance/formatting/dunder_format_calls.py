class Temp:
    def __init__(self, k):
        self.k = k
    def __format__(self, spec):
        print('__format__ called with', repr(spec))
        unit = spec[-1:] or 'K'
        if unit == 'C':
            return f'{self.k - 273.15:.1f}°C'
        return f'{self.k}K'
t = Temp(300)
print(f'{t}', f'{t:C}', '{:K}'.format(t), format(t, 'C'))
print(int.__format__(255, 'x'), float.__format__(1.5, '.2f'), str.__format__('s', '>3'), object.__format__(1.5, ''))
class BadFormat:
    def __format__(self, spec):
        return 5
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
