# Comparisons and reprs that mutate the container being worked on: the
# results CPython gives, and never a crash.
class ClearOnEq:
    def __init__(self, target, h=1):
        self.target = target
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        self.target.clear()
        return False
l = []
l.extend(ClearOnEq(l) for _ in range(5))
print(l.count(0), len(l))
d = {}
d[ClearOnEq(d, 7)] = 1
d[ClearOnEq(d, 7)] = 2
print(len(d))
s = set(range(100))
s.add(ClearOnEq(s, 5))
print(ClearOnEq(s, 5) in s, len(s))
class ClearOnRepr:
    def __init__(self, target):
        self.target = target
    def __repr__(self):
        self.target.clear()
        return 'R'
l = []
l.extend([ClearOnRepr(l), ClearOnRepr(l), 3])
d = {1: None}
d[1] = ClearOnRepr(d)
print(repr(l), l, repr(d), d)
class Lt:
    def __init__(self, v, l):
        self.v = v
        self.l = l
    def __lt__(self, other):
        self.l.append(1)
        return self.v < other.v
l = []
l.extend(Lt(v, l) for v in [3, 1, 2])
try:
    l.sort()
except ValueError as e:
    print('ValueError', e, [x.v for x in l])
l = list(range(10))
def gen():
    l.clear()
    yield from range(3)
try:
    l[::3] = gen()
except ValueError as e:
    print('ValueError', e, l)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print('RuntimeError', e, d)
s = {1, 2}
try:
    for k in s:
        s.add(k + 10)
except RuntimeError as e:
    print('RuntimeError', e)
nested = []
for i in range(100000):
    nested = [nested, {i: (nested,)}]
del nested
print('freed')
