class Typed:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = '_' + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 'unset')
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f'{self.name[1:]} must be int, not {type(value).__name__}')
        setattr(obj, self.name, value)
class Model:
    a = Typed()
    b = Typed()
m = Model()
print(m.a)
m.a = 5
print(m.a, type(Model.a).__name__)
try:
    m.b = 'x'
except TypeError as e:
    print(type(e).__name__, e)
