# Flag boundaries, mixed values, json of IntEnum/StrEnum, member/nonmember, _order_.
import enum, json
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, CONFORM, EJECT, KEEP, STRICT, member, nonmember
class Cf(Flag, boundary=CONFORM):
    A = 1
    B = 2
print(Cf(7), repr(Cf(5)), Cf._boundary_)
class Ej(Flag, boundary=EJECT):
    A = 1
    B = 2
print(Ej(7), type(Ej(7)), Ej(3))
class Kp(Flag, boundary=KEEP):
    A = 1
    B = 2
print(repr(Kp(9)), Kp(9).value, repr(~Kp.A))
class Mixed(Enum):
    A = 1
    B = 'x'
    C = (1, 2)
    D = None
print(list(Mixed), Mixed(None), Mixed((1, 2)), Mixed('x'))
class Pri(IntEnum):
    LOW = 1
    HIGH = 3
print(json.dumps({'p': Pri.HIGH}), json.dumps([Pri.LOW]), sorted([Pri.HIGH, Pri.LOW, 2]))
class S(StrEnum):
    A = 'a'
print(json.dumps(S.A), '{}'.format(S.A), '%s' % S.A, S.A + 'b', 'x'.join([S.A, S.A]))
class Rich(Enum):
    X = 1
    helper = nonmember(5)
    @member
    def fn(self):
        return 'f'
print(Rich.X, Rich.helper, Rich.fn.value(None) if callable(Rich.fn.value) else Rich.fn)
class WithInit(Enum):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        print('subclass', cls.__name__)
class Child(WithInit):
    A = 1
print(list(Child))
class Eq(Enum):
    A = 1
    B = 2
    def __eq__(self, other):
        return self.value == getattr(other, 'value', other)
    __hash__ = Enum.__hash__
print(Eq.A == 1, Eq.A == Eq.B, {Eq.A, Eq.B, Eq.A}.__len__())
print(Pri.LOW in Pri, isinstance(Pri.LOW, int))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RW = R | W
print(list(Perm.RW), Perm.RW, repr(Perm(6)), Perm(6) is Perm.RW, Perm['RW'])
class Weird(IntFlag):
    A = 1
    B = 4
print(repr(Weird(2)), repr(Weird(3)), repr(Weird(7)), Weird(7) | 8)
Dyn = Enum('Dyn', 'X Y', module='mymod', qualname='Outer.Dyn')
print(Dyn.__module__, Dyn.__qualname__, Dyn.X)
class Ordered(Enum):
    _order_ = 'A B'
    A = 1
    B = 2
print(list(Ordered))
try:
    class BadOrder(Enum):
        _order_ = 'B A'
        A = 1
        B = 2
except TypeError as e:
    print('TypeError', e)
