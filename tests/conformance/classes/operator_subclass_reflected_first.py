class Base:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return f'Base.__add__({self.v}, {o.v})'
    def __radd__(self, o):
        return f'Base.__radd__({self.v}, {o.v})'
class Derived(Base):
    def __radd__(self, o):
        return f'Derived.__radd__({self.v}, {o.v})'
print(Base(1) + Derived(2))
print(Derived(1) + Base(2))
class Same(Base):
    pass
print(Base(1) + Same(2))
