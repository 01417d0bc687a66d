class Logged:
    def __init__(self):
        self.value = 1
    def __getattribute__(self, name):
        print('get', name)
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f'fallback {name}'
o = Logged()
print(o.value)
print(o.missing)
class Raising:
    def __getattribute__(self, name):
        raise AttributeError(name)
    def __getattr__(self, name):
        return 'getattr after getattribute raised'
print(Raising().anything)
