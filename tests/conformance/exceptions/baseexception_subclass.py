class Quit(BaseException):
    pass
def f():
    try:
        raise Quit('stop')
    except Exception:
        return 'not here'
try:
    f()
except BaseException as e:
    print('caught', type(e).__name__, e, isinstance(e, Exception))
