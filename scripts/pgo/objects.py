# Training workload for profile-guided optimization: classes, inheritance,
# properties, method calls, closures, generators, exceptions, with blocks.
import sys

scale = int(sys.argv[1]) if len(sys.argv) > 1 else 1


class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name}:{self.area():.2f}"


class Rect(Shape):
    __slots__ = ("w", "h")

    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self._r = r

    @property
    def r(self):
        return self._r

    def area(self):
        return 3.14159 * self.r * self.r


class Tracker:
    def __enter__(self):
        self.entered = True
        return self

    def __exit__(self, *exc):
        return False


def counter():
    total = 0

    def add(x):
        nonlocal total
        total += x
        return total
    return add


def fib_gen(limit):
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b


def parse(values):
    good = bad = 0
    for v in values:
        try:
            good += int(v)
        except ValueError:
            bad += 1
        finally:
            pass
    return good, bad


shapes = [Rect(i, i + 1) if i % 2 else Circle(i) for i in range(20000 * scale)]
area = sum(s.area() for s in shapes)
labels = [s.describe() for s in shapes[:2000]]
add = counter()
for i in range(30000 * scale):
    add(i)
with Tracker() as t:
    gens = sum(sum(fib_gen(10 ** 6)) for _ in range(3000 * scale))
print(round(area), labels[:2], add(0), gens, t.entered, parse(["1", "x", "22", "y"] * 5000 * scale),
      Shape.count, isinstance(shapes[1], Shape), getattr(shapes[0], "missing", None))
