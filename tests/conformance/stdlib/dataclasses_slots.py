# dataclass(slots=True): inheritance, frozen, weakref_slot, copy; field metadata.
from dataclasses import dataclass, field, fields, asdict, replace
import dataclasses
@dataclass(slots=True)
class A:
    x: int = 1
    y: list = field(default_factory=list)
    def __post_init__(self):
        self.y.append(self.x)
@dataclass(slots=True)
class B(A):
    z: str = 'z'
b = B(5)
print(b, B.__slots__, A.__slots__, hasattr(b, '__dict__'), asdict(b), replace(b, z='q'))
@dataclass(slots=True, frozen=True)
class F:
    a: int
    b: int = 2
f = F(1)
print(f, hash(f) == hash(F(1)), F.__slots__)
try:
    f.a = 2
except dataclasses.FrozenInstanceError as e:
    print('frozen', e)
import copy
print(copy.copy(f), copy.deepcopy(b))
@dataclass(slots=True, weakref_slot=True)
class W:
    a: int
print(W.__slots__)
import weakref
w = W(1)
print(weakref.ref(w)() is w)
@dataclass
class Desc:
    x: int = field(default=3, metadata={'k': 'v'})
print(fields(Desc)[0].metadata, dict(fields(Desc)[0].metadata), Desc.__dataclass_params__)
