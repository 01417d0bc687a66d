import operator as op
from operator import itemgetter, attrgetter, methodcaller


g = itemgetter(1)
print(g([10, 20, 30]), g('abc'), g({1: 'one'}), repr(g))
g2 = itemgetter(0, -1, slice(1, 3))
print(g2('hello'), repr(g2))
print(repr(itemgetter('a', 'b')), itemgetter('a', 'b')({'a': 1, 'b': 2}))
print(sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=itemgetter(1)))
try:
    itemgetter()
except TypeError as e:
    print(type(e).__name__, e)
try:
    itemgetter(5)([1])
except IndexError as e:
    print(type(e).__name__, e)
try:
    g(1, 2)
except TypeError as e:
    print(type(e).__name__)


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def greet(self, greeting='hi', *, punct='.'):
        return f'{greeting} {self.name}{punct}'

n = Node('root', Node('leaf'))
a = attrgetter('name')
print(a(n), repr(a))
a2 = attrgetter('name', 'child.name')
print(a2(n), repr(a2))
print(attrgetter('child.child')(n))
print(attrgetter('real', 'imag')(3 + 4j))
try:
    attrgetter('child.child.name')(n)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    attrgetter(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    attrgetter()
except TypeError as e:
    print(type(e).__name__)

m = methodcaller('greet')
print(m(n), repr(m))
m2 = methodcaller('greet', 'hello', punct='!')
print(m2(n), repr(m2))
print(methodcaller('upper')('abc'), methodcaller('split', ',', 1)('a,b,c'))
print(repr(methodcaller('split', ',', maxsplit=1)))
try:
    methodcaller()
except TypeError as e:
    print(type(e).__name__, e)
try:
    methodcaller(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    methodcaller('nope')(n)
except AttributeError as e:
    print(type(e).__name__, e)
print(list(map(methodcaller('strip'), [' a ', 'b '])))
print(type(itemgetter(1)).__name__, type(attrgetter('a')).__name__, type(methodcaller('a')).__name__)
