# auto(), _generate_next_value_, IntEnum and StrEnum behaviour.
from enum import Enum, IntEnum, StrEnum, auto, ReprEnum

class A(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()
print(list(A), [m.value for m in A])

class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)
    NORTH = auto()
    SOUTH = auto()
print([m.value for m in Lower], repr(Lower.SOUTH))

class Num(IntEnum):
    ONE = 1
    TWO = 2
    THREE = auto()
print(Num.ONE, repr(Num.TWO), str(Num.THREE), format(Num.ONE), f'{Num.TWO:03d}', f'{Num.TWO}')
print(Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num.ONE < Num.TWO, Num(2), Num(2) is Num.TWO)
print(int(Num.THREE), isinstance(Num.ONE, int), [1, 2, 3][Num.ONE], sorted([Num.TWO, Num.ONE]))
print(hash(Num.ONE) == hash(1), {1: 'one'}[Num.ONE], Num.ONE.real, '%d' % Num.TWO, '%s' % Num.TWO)

class S(StrEnum):
    A = 'alpha'
    B = auto()
    C = auto()
print(S.A, repr(S.A), str(S.B), S.C.value, f'{S.A}!', S.A == 'alpha', S.A.upper(), S('alpha') is S.A)
print(isinstance(S.A, str), S.A + 'x', len(S.A), list(S))
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    print('TypeError', e)

class Mixed(int, Enum):
    P = 1
    Q = 2
print(Mixed.P, repr(Mixed.P), format(Mixed.Q), f'{Mixed.P}', Mixed.P + 1, Mixed(2))

class SMixed(str, Enum):
    K = 'k'
print(SMixed.K, repr(SMixed.K), f'{SMixed.K}', SMixed.K == 'k')

class FloatE(float, Enum):
    HALF = 0.5
print(FloatE.HALF, repr(FloatE.HALF), FloatE.HALF * 2)
print(issubclass(IntEnum, ReprEnum), issubclass(StrEnum, ReprEnum))

class Ordinal(IntEnum):
    FIRST = auto()
    SECOND = auto()
    def label(self):
        return f'#{self.value} {self.name.title()}'
print([o.label() for o in Ordinal], max(Ordinal), Ordinal.SECOND.value)
