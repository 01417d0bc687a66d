try:
    try:
        raise ExceptionGroup('eg', [ValueError('a'), TypeError('b')])
    except* ValueError:
        raise KeyError('from handler')
except ExceptionGroup as e:
    print(repr(e))
    print([type(x).__name__ for x in e.exceptions])
    print(type(e.exceptions[0].__context__).__name__)
