# typing.NamedTuple and TypedDict in depth.
from typing import NamedTuple, TypedDict, List, Optional, Required, NotRequired, is_typeddict

class Employee(NamedTuple):
    name: str
    id: int = 3
    tags: List[str] = []

    def describe(self):
        return f'{self.name}#{self.id}'

    @property
    def upper(self):
        return self.name.upper()

e = Employee('Guido')
print(e, e.describe(), e.upper, e._fields, e._field_defaults, Employee.__annotations__)
print(e._replace(id=7), Employee._make(['A', 1, ['x']]), e._asdict(), tuple(e), len(e))
print(e == ('Guido', 3, []), isinstance(e, tuple), e[0], e[-1], hash(Employee('x', 1, ())) == hash(('x', 1, ())))
a, b, c = e
print(a, b, c, Employee.__name__, Employee.__match_args__, Employee.__bases__)
match e:
    case Employee(name, id=ident):
        print('match', name, ident)

Point = NamedTuple('Point', [('x', int), ('y', float)])
print(Point(1, 2.5), Point._fields, Point.__annotations__, Point(x=3, y=4).y)
P3 = NamedTuple('P3', x=int, y=int, z=int)
print(P3(1, 2, 3), P3._fields)

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
def bad_order():
    class Bad(NamedTuple):
        x: int = 0
        y: int
attempt(bad_order)
def overwrite():
    class Bad(NamedTuple):
        x: int
        def _asdict(self):
            return {}
attempt(overwrite)
attempt(lambda: Employee())
attempt(lambda: Employee('a', 1, [], 5))
attempt(lambda: e._replace(zzz=1))
attempt(lambda: setattr(e, 'name', 'x'))

class Movie(TypedDict):
    title: str
    year: int

class Extended(Movie, total=False):
    rating: float

class Mixed(TypedDict):
    a: Required[int]
    b: NotRequired[str]

m = Movie(title='Blade Runner', year=1982)
print(m, type(m), Movie.__annotations__, Movie.__total__, Extended.__total__)
print(sorted(Extended.__required_keys__), sorted(Extended.__optional_keys__), sorted(Extended.__annotations__))
print(sorted(Mixed.__required_keys__), sorted(Mixed.__optional_keys__))
Func = TypedDict('Func', {'x': int, 'y': Optional[str]}, total=False)
print(Func(x=1), sorted(Func.__optional_keys__), Func.__total__, Func.__name__)
print(is_typeddict(Movie), is_typeddict(dict), Movie.__name__)
attempt(lambda: isinstance({}, Movie))
def bad_base():
    class Bad(Movie, int):
        pass
attempt(bad_base)
