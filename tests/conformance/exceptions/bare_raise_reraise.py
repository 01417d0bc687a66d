def f():
    try:
        raise ValueError('original')
    except ValueError:
        print('logging')
        raise
try:
    f()
except ValueError as e:
    print('reraised', e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
def g():
    try:
        raise KeyError('a')
    except KeyError:
        try:
            raise TypeError('b')
        except TypeError:
            pass
        raise
try:
    g()
except Exception as e:
    print('bare raise re-raises the one being handled:', type(e).__name__)
