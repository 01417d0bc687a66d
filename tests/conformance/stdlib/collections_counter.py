from collections import Counter

c = Counter('abracadabra')
print(c, c['a'], c['z'], 'z' in c, len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(-1))
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1, d=1).elements()))
print(Counter(), Counter({'x': 3, 'y': 1}), Counter(cats=4, dogs=8), Counter([1, 1, 2]))
c.update('aaz')
c.update({'q': 3})
c.update(w=1)
print(c)
c.subtract('aaaaaaa')
c.subtract({'q': 5})
print(c)
d = Counter(a=3, b=1)
e = Counter(a=1, b=2, c=1)
print(d + e, d - e, d | e, d & e, +Counter(a=1, b=-1, c=0), -Counter(a=1, b=-1))
f = Counter(a=3, b=1)
f += Counter(a=-5, c=2)
print(f)
f = Counter(a=3, b=1)
f -= Counter(b=4)
print(f)
f = Counter(a=3, b=1)
f |= Counter(b=4, c=-1)
print(f)
f = Counter(a=3, b=1)
f &= Counter(a=1)
print(f)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) <= Counter(a=2, b=1),
      Counter(a=1) < Counter(a=1), Counter(a=2) >= Counter(a=1), Counter(a=2) > Counter(a=1), Counter(a=1) == {'a': 1})
del c['nothere']
del c['a']
print(c, c.copy() == c, type(c.copy()).__name__)
try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print(type(e).__name__, e)
try:
    Counter(a=1) + {'a': 1}
except TypeError as e:
    print(type(e).__name__, e)
print(repr(Counter({'a': 'x', 'b': 1j})) if False else '', Counter(a=1.5, b=0.5))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
print(Counter(words).most_common(3))
class MyCounter(Counter):
    pass
print(MyCounter('aab'), isinstance(MyCounter(), dict))
print(dict(Counter('hello')), list(Counter('hello')))
