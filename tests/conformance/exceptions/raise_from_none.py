try:
    try:
        int('x')
    except ValueError:
        raise KeyError('k') from None
except KeyError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
