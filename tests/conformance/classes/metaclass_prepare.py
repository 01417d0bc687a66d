class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print('prepare', name, kwargs)
        return {'injected': 'from prepare'}
    def __new__(mcls, name, bases, ns, **kwargs):
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=OrderedMeta, option=True):
    seen = injected
print(C.seen)
class Recording(dict):
    def __setitem__(self, k, v):
        print('namespace set', k)
        super().__setitem__(k, v)
class RecMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
class D(metaclass=RecMeta):
    a = 1
    def f(self):
        pass
