# Flag and IntFlag: combination, iteration, invert, membership, reprs.
from enum import Flag, IntFlag, auto

class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
print(list(Perm), len(Perm), list(Perm.__members__))
rw = Perm.R | Perm.W
print(rw, repr(rw), rw.name, rw.value, str(Perm.R), repr(Perm.X))
print(list(rw), len(rw), Perm.R in rw, Perm.X in rw, bool(rw), bool(Perm(0)))
print(~Perm.R, ~rw, repr(~Perm.RWX), Perm.RWX, repr(Perm.RWX), Perm(7) is Perm.RWX)
print(rw & Perm.R, rw ^ Perm.R, Perm(0), repr(Perm(0)), Perm(0).name, Perm(6) is rw)
print(Perm.R | Perm.R, (Perm.R | Perm.W | Perm.X) is Perm.RWX)
try:
    Perm(8)
except ValueError as e:
    print('ValueError', e)
try:
    Perm.R | 1
except TypeError as e:
    print('TypeError', e)

class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE
print([c.value for c in Color], Color.WHITE, repr(Color.RED | Color.BLUE), Color(3))

class P(IntFlag):
    R = 4
    W = 2
    X = 1
print(P.R | P.W, repr(P.R | P.W), str(P.R), format(P.W), f'{P.R | P.X}', P.R + 1, P.R | 1)
print(repr(P(0)), P(0), repr(P(8)), P(9), repr(P(9)), P.R == 4, isinstance(P.R, int))
print(repr(~P.R), ~P.R, list(P.R | P.X), P.R & 6, repr(P.W ^ 3))

class Opt(Flag):
    NONE = 0
    A = auto()
    B = auto()
print(list(Opt), Opt.NONE, repr(Opt.NONE), Opt(0) is Opt.NONE, repr(Opt.A & Opt.B))
for f in (Perm.R, rw, Perm.RWX):
    match f:
        case Perm.R:
            print('just read')
        case Perm.RWX:
            print('everything')
        case _:
            print('other', f)
