# @dataclass: generated __init__, __repr__, __eq__, defaults and fields().
from dataclasses import dataclass, field, fields, is_dataclass, MISSING, Field
from typing import List, ClassVar, Optional

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1)
print(p, Point(1, 2), Point(x=3, y=4), p == Point(1, 0), p == Point(1, 1), p != Point(2))
print(p.x, p.y, Point.y, Point.__doc__, Point.__match_args__, Point.__hash__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__init__.__annotations__)
print([f.name for f in fields(Point)], [f.type for f in fields(p)], fields(Point)[1].default)
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3), is_dataclass(int))
print(fields(Point)[0].default is MISSING, isinstance(fields(Point)[0], Field))
print(p == (1, 0), p.__eq__(5))

@dataclass
class Inventory:
    name: str
    unit_price: float
    quantity: int = 0
    tags: List[str] = field(default_factory=list)
    secret: str = field(default='s', repr=False, compare=False)
    counter: ClassVar[int] = 0
    note: Optional[str] = field(default=None, metadata={'unit': 'text'})

    def total(self) -> float:
        return self.unit_price * self.quantity

i = Inventory('widget', 2.5, 4)
j = Inventory('widget', 2.5, 4, secret='other')
print(i, i.total(), i == j, i.tags is not Inventory('a', 1).tags)
print([f.name for f in fields(Inventory)], fields(Inventory)[-1].metadata['unit'])
print(Inventory.counter, Inventory.__doc__)
i.tags.append('x')
print(i.tags, Inventory('b', 1.0).tags)

@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    c: int = field(init=False, default=9)
    def __post_init__(self):
        self.b = self.a * 2
w = WithPost(5)
print(w, w.b, w.c)

@dataclass
class Base:
    x: int = 1
    y: str = 'b'
@dataclass
class Derived(Base):
    z: float = 2.0
    x: int = 10
print(Derived(), Derived(1, 'q', 3.5), [f.name for f in fields(Derived)])

@dataclass(repr=False, eq=False)
class Plain:
    v: int
pl = Plain(1)
print(pl == Plain(1), pl.v, 'object at' in repr(pl), Plain.__hash__ is object.__hash__)

@dataclass
class Recursive:
    items: list
r = Recursive([])
r.items.append(r)
print(r)

@dataclass
class Custom:
    a: int
    def __repr__(self):
        return 'custom!'
    def __eq__(self, other):
        return True
print(Custom(1), Custom(1) == Custom(2), Custom.__hash__)

@dataclass
class Selfish:
    self: int
    other: int = 2
print(Selfish(1))

@dataclass
class Empty:
    pass
print(Empty(), Empty() == Empty(), fields(Empty))
match Point(1, 2):
    case Point(x, y):
        print('match', x, y)
