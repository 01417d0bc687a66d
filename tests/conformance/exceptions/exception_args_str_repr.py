for e in (Exception(), Exception('one'), Exception('a', 2), Exception(None), ValueError(''), KeyError('k'), KeyError('a', 'b'), KeyError(), IndexError(3)):
    print(repr(e), '|', str(e), '|', e.args)
e = Exception('x')
e.args = ('changed', 1)
print(e, repr(e))
