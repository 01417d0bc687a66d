# The interpreter computes float arithmetic, number comparisons and list
# indexing without calling the types' methods when the operands are exact
# built-ins; subclasses, mixed operands and errors must behave as if the
# methods had been called.

# float with float, and float with int on either side
x = 1.5
y = 2
print(x + y, y + x, x - y, y - x, x * y, y * x, x / y, y / x)
print(x + 0.25, x - 0.25, x * 0.25, x / 0.25)
big = 2 ** 62 - 1
print(big + 0.5, 0.5 * big, big / 3.0)
print(type(3 / 2.0), type(2.0 * 3))

# results are new objects: the operands keep their values
a = 0.1
b = a + 0.2
c = b
b += 1.0
print(a, b, c)
t = [0.5, 0.25]
t[0] *= 4
print(t)

def accumulate(values):
    total = 0.0
    for v in values:
        total += v * v - v / 2
    return total

print(accumulate([1.0, 2.5, -3.25, 4]))

# division by zero still raises float's error
for num, den in ((1.0, 0.0), (1.0, 0), (1, 0.0), (-0.0, 0.0)):
    try:
        num / den
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)

# special values
inf = float("inf")
nan = float("nan")
print(inf - inf, inf * 0.0, -inf + 1, nan == nan, nan < 1.0, nan != nan, inf > 1e308)
print(0.1 + 0.2 == 0.3, 1.0 <= 1.0, 2.0 >= 3.0, -0.0 == 0.0)
print(3 < 4, 4 <= 4, 5 == 5, 5 != 5, -7 > -8, 0 >= 1, 2 ** 62 > 2 ** 62 - 1)

# subclasses keep their own operators
class Meters(float):
    def __add__(self, other):
        return "Meters.__add__"
    def __lt__(self, other):
        return "Meters.__lt__"

m = Meters(2.0)
print(m + 1.0, m + 1, 1.0 + m, m < 3.0)

class Angle(float):
    def __radd__(self, other):
        return "Angle.__radd__"

print(1.0 + Angle(3.0), 1 + Angle(3.0))

class Bits(int):
    def __lt__(self, other):
        return "Bits.__lt__"

print(Bits(1) < 2, 1 < Bits(2))

# list subscripts: exact lists fast, subclasses through their methods
items = [10, 20, 30]
print(items[0], items[-1], items[2])
items[1] = 25
items[-1] = 35
print(items)
for bad in (3, -4):
    try:
        items[bad]
    except IndexError as e:
        print("IndexError:", e)
    try:
        items[bad] = 0
    except IndexError as e:
        print("IndexError:", e)

class Tracked(list):
    def __getitem__(self, i):
        return ("get", i)
    def __setitem__(self, i, v):
        print("set", i, v)

tr = Tracked([1, 2, 3])
print(tr[0], tr[-1])
tr[1] = 9
print(list(tr))

# unpacking: exact tuples and lists directly, subclasses through __iter__
class Pair(tuple):
    def __iter__(self):
        yield "first"
        yield "second"

class Row(list):
    def __iter__(self):
        return iter(["p", "q"])

p, q = Pair((1, 2))
print(p, q)
p, q = Row([1, 2])
print(p, q)
p, q = (1, 2)
r, s = [3, 4]
print(p, q, r, s)
try:
    p, q = Pair((1, 2, 3))
    print("unpacked", p, q)
except ValueError as e:
    print("ValueError:", e)

# comparisons that feed a conditional jump directly
def classify(x, y):
    out = []
    if x < y:
        out.append("lt")
    if not x <= y:
        out.append("not le")
    if x == y:
        out.append("eq")
    if x != y:
        pass
    else:
        out.append("not ne")
    while x > y:
        x -= 1
        out.append("down")
    return out

for x, y in ((1, 2), (2, 2), (4, 2), (1.5, 2.5), (2.5, 2.5), (3.5, 1.5), (nan, 1.0), (1.0, nan), (nan, nan)):
    print(x, y, classify(x, y))
n = 0
i = 0
while i < 10:
    if i % 3 == 0 or i >= 8:
        n += i
    i += 1
print(n, i)
