# Enum members: lookup by value and name, iteration, aliases, reprs.
from enum import Enum, EnumMeta, EnumType

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias of RED

    def describe(self):
        return f'{self.name} is {self.value}'

    @classmethod
    def favourite(cls):
        return cls.GREEN

print(Color.RED, repr(Color.RED), str(Color.GREEN), format(Color.BLUE), f'{Color.RED}', f'{Color.RED:>12}|')
print(Color(1), Color['BLUE'], Color(Color.GREEN), Color.CRIMSON is Color.RED, Color.CRIMSON)
print(Color.RED.name, Color.RED.value, Color.RED._name_, Color.RED._value_)
print(list(Color), len(Color), list(reversed(Color)))
print(list(Color.__members__), list(Color.__members__.items())[-1])
print(Color.RED in Color, Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
print(Color.RED.describe(), Color.favourite(), type(Color.RED), type(Color), Color)
print(isinstance(Color.RED, Color), isinstance(Color, EnumMeta), EnumMeta is EnumType)
print(hash(Color.RED) == hash(Color.RED), {Color.RED: 'r'}[Color.CRIMSON])
print(sorted(Color, key=lambda c: c.value), bool(Color.RED), bool(Color))
print(Color.RED.__class__.__name__, Color.__name__, Color.RED._sort_order_ if hasattr(Color.RED, '_sort_order_') else 0)

class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return round(6.673e-11 * self.mass / (self.radius * self.radius), 2)
print(Planet.EARTH.value, Planet.EARTH.mass, Planet.EARTH.gravity, Planet((3.303e+23, 2.4397e6)))

class Shape(Enum):
    SQUARE = 'sq'
    _ignore_ = ['tmp']
    tmp = 5
    _private = 7
    __dunder__ = 8
print(list(Shape), Shape._private if hasattr(Shape, '_private') else None, hasattr(Shape, 'tmp'))

class Mood(Enum):
    HAPPY = 3
    SAD = 1
    def __str__(self):
        return 'mood ' + self.name.lower()
    def __repr__(self):
        return 'Mood(' + repr(self.value) + ')'
print(Mood.HAPPY, repr(Mood.SAD), [Mood.SAD], f'{Mood.HAPPY}')

class Weekday(Enum):
    MON = 1
    TUE = 2
    @property
    def is_first(self):
        return self is Weekday.MON
print(Weekday.MON.is_first, Weekday.TUE.is_first)

for c in Color:
    match c:
        case Color.RED:
            print('matched red')
        case Color.GREEN | Color.BLUE:
            print('matched', c.name.lower())

class Empty(Enum):
    pass
print(list(Empty), len(Empty), Empty)
class Ext(Empty):
    A = 1
print(Ext.A, list(Ext))
