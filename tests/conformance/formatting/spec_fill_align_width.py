for spec in ('10', '<10', '>10', '^10', '*<10', '*>10', '*^10', '0>10', '^9', '^1'):
    print(repr(format('text', spec)), repr(format(42, spec)))
print(repr(format(-42, '=10')), repr(format(-42, '*=10')), repr(format(-42, '010')), repr(format(42, '=+6')))
print(repr(format('x', '<')), repr(format(1.5, '^8')), repr(format(True, '>6')), repr(format(None, '')))
