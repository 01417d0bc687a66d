class Base:
    def greet(self):
        return 'base'
    @classmethod
    def make(cls):
        return f'made {cls.__name__}'
class Child(Base):
    def greet(self):
        return 'child+' + super().greet()
    def explicit(self):
        return super(Child, self).greet()
    @classmethod
    def make(cls):
        return 'child+' + super().make()
c = Child()
print(c.greet(), c.explicit(), Child.make())
print(super(Child, c).greet())
s = super(Child, c)
print(type(s).__name__)
def outside(self):
    return super().greet()
try:
    outside(c)
except RuntimeError as e:
    print(type(e).__name__, e)
