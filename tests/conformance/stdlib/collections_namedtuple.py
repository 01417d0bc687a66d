from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
p = Point(11, y=22)
print(p, p.x + p.y, p[0], tuple(p), len(p), p == (11, 22), isinstance(p, tuple))
x, y = p
print(x, y, Point._fields, Point.__name__, Point.__doc__, Point.x.__doc__)
print(p._asdict(), p._replace(x=1), Point._make([5, 6]), Point._make(range(2)))
print(Point.__module__, Point.__match_args__, Point.__slots__, hash(p) == hash((11, 22)))
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    p.z = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, 'missing' in str(e))
try:
    Point._make([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    p._replace(z=3)
except ValueError as e:
    print(type(e).__name__, e)

P3 = namedtuple('P3', 'a, b c', defaults=(2, 3))
print(P3(1), P3(1, 5), P3._field_defaults, P3.__new__.__defaults__)
print(namedtuple('One', 'a')(1), namedtuple('Empty', '')(), namedtuple('One', 'a').__doc__)

R = namedtuple('R', ['abc', 'def', 'ghi', 'abc', '_x', '1a'], rename=True)
print(R._fields)
M = namedtuple('M', 'a', module='some.module')
print(M.__module__, repr(M(1)))

bad = [('Bad', 'a a'), ('Bad', 'a _b'), ('Bad', 'a def'), ('class', 'a'), ('Bad', 'a 1b'), ('Bad Name', 'a')]
for args in bad:
    try:
        namedtuple(*args)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    namedtuple('T', 'a', defaults=(1, 2))
except TypeError as e:
    print(type(e).__name__, e)


class Point3(namedtuple('Point3', 'x y z')):
    __slots__ = ()
    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)
    def __str__(self):
        return f'<{self.x},{self.y},{self.z}>'

q = Point3(1, -2, 3)
print(q, repr(q), q.norm1, q._replace(z=0), type(q._replace(z=0)).__name__)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
match p:
    case Point(a, b):
        print('matched', a, b)
print(Point(x=1, y=2)._asdict().keys())

# the module is the caller's
from _collections_helper import Remote
print(Remote.__module__, Remote(1, 2), repr(Remote))
print(repr(Point))
