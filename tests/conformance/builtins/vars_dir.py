class Base:
    base_attr = 1
    def base_method(self):
        pass
class C(Base):
    cls_attr = 2
    def __init__(self):
        self.inst = 3
    def method(self):
        pass
print([n for n in dir(C) if not n.startswith('__')])
print([n for n in dir(C()) if not n.startswith('__')])
print(dir(C) == sorted(dir(C)), '__init__' in dir(C), '__class__' in dir(C()))
print(vars(C()))
import sys
print('argv' in dir(sys), 'path' in dir(sys))
class Custom:
    def __dir__(self):
        return ['z', 'a', 'm']
print(dir(Custom()))
def f():
    local_a = 1
    local_b = 2
    return dir()
print(f())
