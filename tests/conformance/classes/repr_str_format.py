class Money:
    def __init__(self, amount):
        self.amount = amount
    def __repr__(self):
        return f'Money({self.amount!r})'
    def __str__(self):
        return f'${self.amount:.2f}'
    def __format__(self, spec):
        if spec == 'words':
            return f'{self.amount} dollars'
        return format(self.amount, spec)
m = Money(3.5)
print(m, repr(m), str(m), [m], f'{m}', f'{m!r}', f'{m!s}', f'{m:words}', f'{m:>8.1f}')
print(format(m, ''), '{}'.format(m), '%s and %r' % (m, m))
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr!'
print(OnlyRepr(), str(OnlyRepr()), f'{OnlyRepr()}')
class Plain:
    pass
try:
    format(Plain(), 'x')
except TypeError as e:
    print(type(e).__name__, e)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
