class Point:
    """A point."""
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, Point.__doc__, Point.__name__, Point.__qualname__)
print(sorted(vars(p).items()), type(p).__name__, type(p) is Point)
p.dims = 3
print(p.dims, Point.dims)
Point.dims = 10
q = Point(0, 0)
print(q.dims, p.dims)
