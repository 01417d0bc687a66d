try:
    try:
        raise ValueError('A')
    except ValueError as a:
        try:
            raise TypeError('B')
        except TypeError as b:
            raise a
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
