# Attribute and global lookups remember where a name was found; every change
# that moves or hides the name must be seen at once.

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def read(p):
    return p.x

def write(p, v):
    p.x = v

points = [Point(i, -i) for i in range(3)]
print([read(p) for p in points])

# a property added to the class takes precedence over the instance dict
Point.x = property(lambda self: "property x")
print([read(p) for p in points])
del Point.x
print([read(p) for p in points])

# a data descriptor on a base class
class Base:
    pass

class Child(Base):
    def __init__(self):
        self.value = 1

def value_of(o):
    return o.value

c = Child()
print(value_of(c), value_of(c))

class Loud:
    def __get__(self, obj, cls):
        return "descriptor get"
    def __set__(self, obj, v):
        print("descriptor set", v)

Base.value = Loud()
print(value_of(c))
def set_value(o, v):
    o.value = v
set_value(c, 5)
del Base.value
print(value_of(c))
set_value(c, 6)
print(value_of(c), c.__dict__)

# a class attribute that later becomes a data descriptor through its type
class Plain:
    pass

class Holder:
    attr = Plain()

h = Holder()
h.__dict__["attr"] = "from instance"
def attr_of(o):
    return o.attr
print(attr_of(h), attr_of(h))
Plain.__get__ = lambda self, obj, cls: "Plain.__get__"
Plain.__set__ = lambda self, obj, value: None
print(attr_of(h))

# the instance dict replaced, and entries removed and re-added
p = Point(1, 2)
print(read(p), read(p))
p.__dict__ = {"y": 0, "x": "new dict"}
print(read(p))
del p.x
try:
    read(p)
except AttributeError as e:
    print("AttributeError:", e)
p.x = "again"
print(read(p))
for i in range(20):
    setattr(p, f"extra{i}", i)
print(read(p))
write(p, "written")
print(read(p), p.__dict__["x"])

# __class__ changed to a class whose lookup differs
class Other:
    def __init__(self):
        pass
    @property
    def x(self):
        return "Other.x property"

q = Point(7, 8)
print(read(q))
q.__class__ = Other
print(read(q))
write_ok = True
try:
    write(q, 1)
except AttributeError as e:
    print("AttributeError:", e)

# __getattr__ / __getattribute__ added later
class Dyn:
    def __init__(self):
        self.x = "dyn x"

d = Dyn()
print(read(d))
Dyn.__getattribute__ = lambda self, name: "getattribute " + name
print(read(d))
del Dyn.__getattribute__
print(read(d))
Dyn.__setattr__ = lambda self, name, value: print("setattr", name, value)
write(d, 3)
print(read(d))

# globals: found, shadowing a builtin, deleted, restored
def use_len():
    return len("abc")

print(use_len(), use_len())
len = lambda s: "global len"
print(use_len())
del len
print(use_len())

counter = 1
def get_counter():
    return counter
print(get_counter())
counter = 2
print(get_counter())
del counter
try:
    get_counter()
except NameError as e:
    print("NameError:", e)
globals()["counter"] = 3
print(get_counter())
import builtins
builtins.special_name = "from builtins"
def special():
    return special_name
print(special())
special_name = "from globals"
print(special())
del special_name
print(special())
del builtins.special_name
try:
    special()
except NameError as e:
    print("NameError:", e)

# the code's bytes do not show what the caches hold
before = use_len.__code__.co_code
use_len(); use_len()
print(before == use_len.__code__.co_code)
