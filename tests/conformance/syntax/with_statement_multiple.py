class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, *exc):
        print('exit', self.name, exc[0].__name__ if exc[0] else None)
        return False
with CM('a') as a, CM('b') as b:
    print('body', a, b)
with (CM('c') as c,
      CM('d')):
    print('body', c)
try:
    with CM('e'), CM('f'):
        raise KeyError('k')
except KeyError:
    print('caught')
