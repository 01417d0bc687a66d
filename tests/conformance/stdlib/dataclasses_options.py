# @dataclass options: order, frozen, unsafe_hash, kw_only, slots, match_args.
from dataclasses import dataclass, field, FrozenInstanceError, KW_ONLY, fields

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)
print(Version(1, 2) < Version(1, 3), Version(2) > Version(1, 9), Version(1) <= Version(1, 0, 'x'))
print(sorted([Version(3), Version(1, 5), Version(1, 2)]), max(Version(0, 1), Version(0, 2)))
attempt(lambda: Version(1) < (1, 0))

@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = 'x'
f = Frozen(1)
print(f, hash(f) == hash(Frozen(1)), {f: 1}[Frozen(1, 'x')])
def assign():
    f.a = 2
attempt(assign)
def delete():
    del f.b
attempt(delete)
def new_attr():
    f.c = 3
attempt(new_attr)

@dataclass(unsafe_hash=True)
class Hashy:
    a: int
    b: list = field(default=None, hash=False)
print(hash(Hashy(1)) == hash(Hashy(1, [1])), Hashy(2))

@dataclass
class Unhashable:
    a: int
print(Unhashable.__hash__)
attempt(lambda: hash(Unhashable(1)))

@dataclass(eq=False)
class IdentityHash:
    a: int
print(hash(IdentityHash(1)) is not None)

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int
print(Opts(level=3), Opts.__match_args__)
attempt(lambda: Opts(True, 3))

@dataclass
class Mixed:
    x: int
    _: KW_ONLY
    y: int = 1
    z: int
m = Mixed(1, z=3)
print(m, Mixed.__match_args__, [fd.kw_only for fd in fields(Mixed)])
attempt(lambda: Mixed(1, 2, 3))

@dataclass
class PerField:
    a: int
    b: int = field(kw_only=True, default=5)
    c: int = 0
print(PerField(1, 2), PerField(1, b=7))

@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 2
s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, '__dict__'))
def slot_extra():
    s.z = 1
attempt(slot_extra)

@dataclass(match_args=False)
class NoMatch:
    a: int
print(hasattr(NoMatch, '__match_args__'))

@dataclass(init=False)
class NoInit:
    a: int = 3
print(NoInit(), NoInit().a)

@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str
print(sorted({Card(3, 'h'), Card(1, 's'), Card(3, 'c')}))
