class Bad:
    def __enter__(self):
        return 'resource'
    def __exit__(self, *args):
        raise RuntimeError('exit failed')
try:
    with Bad() as r:
        raise ValueError('body failed')
except RuntimeError as e:
    print(type(e).__name__, e, 'context:', repr(e.__context__))
class BadEnter:
    def __enter__(self):
        raise OSError('cannot enter')
    def __exit__(self, *args):
        print('exit not called')
try:
    with BadEnter():
        print('body not run')
except OSError as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__, e)
