def init(self, v):
    self.v = v
Point = type('Point', (), {'__init__': init, 'kind': 'dynamic', 'show': lambda self: f'P({self.v})'})
p = Point(3)
print(Point.__name__, Point.kind, p.show(), type(Point).__name__)
Sub = type('Sub', (Point,), {})
print([c.__name__ for c in Sub.__mro__], Sub(1).show())
print(type(5) is int, type(type) is type, type(object) is type)
try:
    type('Bad', (5,), {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type('a', 'b')
except TypeError as e:
    print(type(e).__name__, e)
