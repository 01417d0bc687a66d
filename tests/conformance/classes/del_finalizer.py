class Res:
    def __init__(self, name):
        self.name = name
        print('open', name)
    def __del__(self):
        print('finalize', self.name)
r = Res('a')
del r
print('after del')
def scope():
    Res('b')
    print('inside scope')
scope()
print('after scope')
x = Res('c')
x = Res('d')
print('rebound')
