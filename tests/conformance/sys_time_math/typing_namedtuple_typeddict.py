from typing import NamedTuple, TypedDict, cast, Final, Literal, ClassVar
class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1)
print(p, p._asdict(), Point._fields, p.x, p[1], Point.__annotations__)
class Movie(TypedDict):
    title: str
    year: int
m: Movie = {'title': 'T', 'year': 2000}
print(m, type(m).__name__, Movie.__required_keys__ == frozenset({'title', 'year'}))
print(cast(int, 'not checked'), Literal['a', 'b'], Final[int], ClassVar[int])
