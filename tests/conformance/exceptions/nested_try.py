def f(x):
    try:
        try:
            return 10 / x
        except ZeroDivisionError:
            print('inner handler')
            raise ValueError('converted')
    except ValueError as e:
        print('outer handler', e)
        return None
print(f(2), f(0))
