import reprlib
from reprlib import Repr, recursive_repr
from collections import deque

print(reprlib.repr(list(range(100))), reprlib.repr(tuple(range(10))), reprlib.repr((1,)))
print(reprlib.repr('x' * 100), reprlib.repr('short'), reprlib.repr(2 ** 200))
print(reprlib.repr(set(range(20))), reprlib.repr(frozenset('abcdefghij')), reprlib.repr(set()),
      reprlib.repr(frozenset()))
print(reprlib.repr({i: str(i) for i in range(10)}), reprlib.repr({}), reprlib.repr(deque(range(10))))
print(reprlib.repr([[[[[[[[1]]]]]]]]), reprlib.repr({'a': {'b': {'c': {'d': {'e': {'f': {'g': 1}}}}}}}))
print(reprlib.repr(3.5), reprlib.repr(None), reprlib.repr(b'x' * 50))

r = Repr()
r.maxlist = 2
r.maxstring = 10
r.maxlevel = 2
r.fillvalue = '~'
print(r.repr([1, 2, 3]), r.repr('abcdefghijklmnop'), r.repr([[[1]]]), r.repr([]))
print(vars(Repr()) == vars(reprlib.aRepr), sorted(vars(Repr())))

class Named:
    def __repr__(self):
        return 'N' * 50
print(reprlib.repr(Named()))

class Broken:
    def __repr__(self):
        raise ValueError
print(reprlib.repr(Broken()).startswith('<Broken instance at 0x'))

class MyRepr(Repr):
    def repr_float(self, x, level):
        return f'{x:.1f}f'
print(MyRepr().repr([1.25, (2.5,)]))


class Node:
    def __init__(self):
        self.children = []
    @recursive_repr()
    def __repr__(self):
        return f'Node({self.children!r})'

n = Node()
n.children.append(n)
n.children.append(Node())
print(n, Node.__repr__.__name__, Node.__repr__.__qualname__)

class Other:
    def __init__(self):
        self.me = self
    @recursive_repr('<loop>')
    def __repr__(self):
        return f'Other({self.me!r})'
print(Other())
