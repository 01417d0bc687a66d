try:
    try:
        pass
    except ValueError:
        print('not run')
    else:
        raise KeyError('from else')
    finally:
        print('finally after else raised')
except KeyError as e:
    print('caught', repr(e), repr(e.__context__))
