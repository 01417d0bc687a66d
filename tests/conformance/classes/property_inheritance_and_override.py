class Base:
    @property
    def name(self):
        return 'base name'
    @property
    def size(self):
        return 1
class Child(Base):
    @property
    def name(self):
        return 'child of ' + super().name
    size = 42
c = Child()
print(c.name, c.size, Base().size)
class WithSetter(Base):
    @Base.name.setter
    def name(self, value):
        self._name = value
w = WithSetter()
w.name = 'x'
print(w.name, w._name)
print(isinstance(Base.name, property), Base.name.fget(c))
