import sys
def handler():
    try:
        raise KeyError('k')
    except KeyError:
        return sys.exc_info()[0].__name__, type(sys.exception()).__name__
print(handler())
print(sys.exc_info(), sys.exception())
try:
    raise ValueError('outer')
except ValueError:
    try:
        raise TypeError('inner')
    except TypeError:
        print(repr(sys.exception()), repr(sys.exception().__context__))
    print(repr(sys.exception()))
