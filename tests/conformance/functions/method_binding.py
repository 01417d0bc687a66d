class C:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
c = C(5)
m = c.get
print(m(), C.get(c), m.__self__ is c, m.__func__ is C.get)
print(m.__name__, m.__qualname__)
print(c.get == c.get, c.get is c.get)
c.v = 9
print(m())
