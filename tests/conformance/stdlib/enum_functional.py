# The functional API and class-level details.
from enum import Enum, IntEnum, Flag, unique

Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal, repr(Animal.ANT))
Shape = Enum('Shape', ['CIRCLE', 'SQUARE'])
print([(s.name, s.value) for s in Shape])
Pairs = Enum('Pairs', [('ONE', 10), ('TWO', 20)])
print(Pairs(20), Pairs.ONE.value)
Mapped = IntEnum('Mapped', {'LOW': 1, 'HIGH': 9})
print(Mapped.HIGH, repr(Mapped.LOW), Mapped.LOW < Mapped.HIGH)
Comma = Enum('Comma', 'X, Y,Z')
print(list(Comma))
Started = Enum('Started', 'P Q', start=5)
print([m.value for m in Started])
Bits = Flag('Bits', 'A B C')
print([b.value for b in Bits], Bits.A | Bits.C)
print(Animal.__members__['CAT'], 'ANT' in Animal.__members__)
print(dir(Animal.ANT)[:0], Animal.ANT.__class__ is Animal)

class Base(Enum):
    def hello(self):
        return 'hello ' + self.name
class Sub(Base):
    A = 1
    B = 2
print(Sub.A.hello(), list(Sub), isinstance(Sub.A, Base))

class Coord(Enum):
    X = 1
    Y = 2
    def __new__(cls, value):
        obj = object.__new__(cls)
        obj._value_ = value * 10
        return obj
print(Coord.X.value, Coord(20))

class AutoNumber(Enum):
    def __new__(cls):
        value = len(cls.__members__) + 1
        obj = object.__new__(cls)
        obj._value_ = value
        return obj
class Ordered(AutoNumber):
    FIRST = ()
    SECOND = ()
print(Ordered.SECOND.value, list(Ordered))
