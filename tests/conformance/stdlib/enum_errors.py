# Enum error paths and their messages.
from enum import Enum, IntEnum, unique

class Color(Enum):
    RED = 1
    GREEN = 2

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

attempt(lambda: Color(5))
attempt(lambda: Color('x'))
attempt(lambda: Color['PURPLE'])
attempt(lambda: Color([1]))
def reassign():
    Color.RED = 5
attempt(reassign)
def delete():
    del Color.RED
attempt(delete)
def set_value():
    Color.RED.value = 3
attempt(set_value)
def extend():
    class More(Color):
        PINK = 3
attempt(extend)
def reuse():
    class Bad(Enum):
        A = 1
        A = 2
attempt(reuse)
def dup():
    @unique
    class Dup(Enum):
        A = 1
        B = 2
        C = 1
        D = 2
attempt(dup)
def ok_unique():
    @unique
    class Fine(Enum):
        A = 1
        B = 2
    return list(Fine)
attempt(ok_unique)
attempt(lambda: Color.RED < Color.GREEN)
attempt(lambda: IntEnum('N', 'A B')(7))

class Status(Enum):
    OK = 200
    @classmethod
    def _missing_(cls, value):
        if value == 'ok':
            return cls.OK
        if value == 'bad':
            return 42
        return None
attempt(lambda: Status('ok'))
attempt(lambda: Status(404))
attempt(lambda: Status('bad'))

class Raising(Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        raise KeyError(value)
try:
    Raising(9)
except KeyError as e:
    print('KeyError', e, type(e.__context__).__name__, e.__context__)
try:
    Color(9)
except ValueError as e:
    print(e.__context__, e.__cause__)
