# Less common enum behaviour: __members__, name clashes, hashing, dataclass-free mixins.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique, verify, UNIQUE, CONTINUOUS

class Color(Enum):
    RED = 1
    GREEN = 2
    ALIAS = 1
print(Color.__members__)
print(len(Color.__members__), 'ALIAS' in Color.__members__, Color.__members__['ALIAS'])
print(Color._member_names_, Color._value2member_map_, list(Color._member_map_))

class Field(Enum):
    name = 'the name'
    value = 'the value'
print(Field.name, Field.value, Field.name.value, Field.value.name, list(Field))

class Nums(IntEnum):
    ZERO = 0
    ONE = 1
print(bool(Nums.ZERO), bool(Nums.ONE), Nums.ZERO or 'falsy', sum(Nums), Nums(0) is Nums.ZERO)
print(bool(Color.RED), Nums.ONE in [1], 1 in [Nums.ONE], {Nums.ONE: 'a'}[1])

class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
print(repr(Perm(7)), str(Perm(7)), Perm.R | Perm.W | Perm.X, Perm(7).name, Perm(3) in Perm(7))
print(list(Perm(7)), len(Perm(7)), Perm.R ^ Perm.R, repr(Perm(0)), bool(Perm(0)))
print(Perm.R & Perm.W, int(Perm.R | Perm.X), Perm.R | 8, repr(Perm.R | 8), ~Perm(0))

class Shape(Flag):
    SQUARE = auto()
    CIRCLE = auto()
    TRIANGLE = auto()
print(repr(~Shape.SQUARE), Shape.SQUARE | Shape.CIRCLE in Shape.SQUARE | Shape.CIRCLE | Shape.TRIANGLE)
print(Shape(7), Shape(0), repr(Shape.CIRCLE & Shape.SQUARE), bool(Shape.CIRCLE & Shape.SQUARE))

@verify(UNIQUE)
class OK(Enum):
    A = 1
    B = 2
print(list(OK))
try:
    @verify(CONTINUOUS)
    class Gap(IntEnum):
        A = 1
        C = 3
except ValueError as e:
    print('ValueError', e)

class Animal(StrEnum):
    CAT = auto()
    DOG = 'woof'
print(Animal.CAT, Animal.DOG, f'{Animal.CAT:>5}', Animal.CAT.upper(), '-'.join(Animal))

class Status(Enum):
    ACTIVE = 'active'
    INACTIVE = 'inactive'
    @classmethod
    def _missing_(cls, value):
        for member in cls:
            if member.value == str(value).lower():
                return member
print(Status('ACTIVE'), Status('Inactive'))

class WithDoc(Enum):
    """Some docs."""
    X = 1
print(WithDoc.__doc__, WithDoc.X.__doc__ == WithDoc.__doc__ or WithDoc.X.__doc__)
print(Color.RED.__reduce_ex__(2), Color['GREEN'].__hash__() == hash('GREEN'))
print(isinstance(Color.RED, enum.Enum), issubclass(Color, Enum), Color.__class__ is enum.EnumMeta)
print([m.name for m in enum.Enum('Dyn', 'a b c')], enum.IntFlag('F', 'A B').B.value)
