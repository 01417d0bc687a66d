# asdict, astuple, replace, InitVar, make_dataclass and the error messages.
from dataclasses import (dataclass, field, asdict, astuple, replace, InitVar, make_dataclass,
                         fields, is_dataclass)
from typing import List, Dict, NamedTuple

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

@dataclass
class Inner:
    v: int
    items: List[int] = field(default_factory=list)

class NT(NamedTuple):
    a: int
    b: Inner

@dataclass
class Outer:
    name: str
    inner: Inner
    many: List[Inner]
    table: Dict[str, Inner]
    pair: tuple
    nt: NT = None

o = Outer('o', Inner(1, [1, 2]), [Inner(2), Inner(3)], {'k': Inner(4)}, (Inner(5), 6),
          NT(7, Inner(8)))
print(asdict(o))
print(astuple(o))
d = asdict(o)
d['inner']['items'].append(99)
print(o.inner.items)
print(asdict(Inner(1), dict_factory=lambda kv: sorted(kv, reverse=True)))
print(replace(o.inner, v=10), replace(Inner(1, [3]), items=[]), o.inner)
attempt(lambda: asdict(Inner))
attempt(lambda: astuple(3))
attempt(lambda: replace(5))
attempt(lambda: fields(5))
attempt(lambda: replace(Inner(1), zz=2))

@dataclass
class WithInitVar:
    x: int
    scale: InitVar[int] = 2
    scaled: int = field(init=False)
    def __post_init__(self, scale):
        self.scaled = self.x * scale
w = WithInitVar(3)
print(w, WithInitVar(3, 10).scaled, [f.name for f in fields(w)], InitVar[int], InitVar[List[int]])
print(replace(w, x=4), replace(w, scale=5).scaled)

@dataclass
class NoInitField:
    a: int
    b: int = field(init=False, default=0)
attempt(lambda: replace(NoInitField(1), b=3))

C = make_dataclass('C', [('x', int), 'y', ('z', int, field(default=5))],
                   namespace={'add': lambda self: self.x + self.z})
c = C(1, 2)
print(c, c.add(), is_dataclass(C), [f.name for f in fields(C)])
F = make_dataclass('F', [('a', int)], frozen=True, order=True)
print(F(1) < F(2), F(3))

def nondefault():
    @dataclass
    class Bad:
        x: int = 0
        y: int
attempt(nondefault)
def mutable():
    @dataclass
    class Bad:
        x: list = []
attempt(mutable)
def mutable_dict():
    @dataclass
    class Bad:
        x: dict = {}
attempt(mutable_dict)
attempt(lambda: field(default=1, default_factory=list))
def no_annotation():
    @dataclass
    class Bad:
        x = field(default=1)
attempt(no_annotation)
def order_no_eq():
    @dataclass(order=True, eq=False)
    class Bad:
        x: int
attempt(order_no_eq)
def frozen_from_plain():
    @dataclass
    class A:
        x: int
    @dataclass(frozen=True)
    class B(A):
        y: int
attempt(frozen_from_plain)
def plain_from_frozen():
    @dataclass(frozen=True)
    class A:
        x: int
    @dataclass
    class B(A):
        y: int
attempt(plain_from_frozen)
def explicit_order():
    @dataclass(order=True)
    class A:
        x: int
        def __lt__(self, other):
            return True
attempt(explicit_order)
def explicit_hash():
    @dataclass(unsafe_hash=True)
    class A:
        x: int
        def __hash__(self):
            return 1
attempt(explicit_hash)
def classvar_factory():
    from typing import ClassVar
    @dataclass
    class A:
        x: ClassVar[list] = field(default_factory=list)
attempt(classvar_factory)
attempt(lambda: Inner())
attempt(lambda: Inner(1, [], 3))
attempt(lambda: Inner(1, v=2))
