from collections.abc import (Iterable, Iterator, Sized, Hashable, Container, Callable,
                             Sequence, MutableSequence, Mapping, MutableMapping, Set,
                             MutableSet, Collection, Reversible, Generator)


class OnlyIter:
    def __iter__(self):
        return iter([1, 2])

class NoHash:
    __hash__ = None

class Opt(OnlyIter):
    __iter__ = None

print(isinstance(OnlyIter(), Iterable), isinstance(OnlyIter(), Iterator), isinstance(Opt(), Iterable))
print(isinstance(NoHash(), Hashable), isinstance(object(), Hashable), issubclass(list, Hashable))
print(issubclass(OnlyIter, Collection), issubclass(OnlyIter, Sized), issubclass(str, Reversible))


class Squares(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i

s = Squares(5)
print(list(s), 9 in s, 7 in s, s.index(4), s.count(1), list(reversed(s)), isinstance(s, Reversible))
try:
    s.index(7)
except ValueError as e:
    print(type(e).__name__)
try:
    Sequence()
except TypeError as e:
    print(type(e).__name__)


class Store(MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k]
    def __setitem__(self, k, v):
        self._d[k] = v
    def __delitem__(self, k):
        del self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
    def __repr__(self):
        return f'Store({self._d})'

st = Store()
st.update({'a': 1}, b=2)
st.update([('c', 3)])
print(sorted(st.items()), st.get('a'), st.get('x', 0), 'b' in st, st.setdefault('d', 4), st.pop('a'))
print(st.keys(), st.values(), st.items(), list(st.keys()), list(st.values()))
print(st == {'b': 2, 'c': 3, 'd': 4}, st.popitem(), len(st))
st.clear()
print(len(st), st.pop('zz', 'dflt'))
try:
    st.pop('zz')
except KeyError as e:
    print(type(e).__name__, e)
print(isinstance(st.keys(), Set), st.keys() | {'q'}, Store().keys() == set())


class ListSet(MutableSet):
    def __init__(self, items=()):
        self._items = []
        for item in items:
            self.add(item)
    def __contains__(self, x):
        return x in self._items
    def __iter__(self):
        return iter(self._items)
    def __len__(self):
        return len(self._items)
    def add(self, x):
        if x not in self._items:
            self._items.append(x)
    def discard(self, x):
        if x in self._items:
            self._items.remove(x)
    def __repr__(self):
        return f'ListSet({self._items})'

a, b = ListSet('abc'), ListSet('bcd')
print(a & b, a | b, a - b, a ^ b, a <= b, ListSet('b') < a, a == ListSet('cba'), a.isdisjoint('xyz'))
a |= 'z'
a -= 'a'
print(a, a.pop(), a)
a.remove('c')
try:
    a.remove('nope')
except KeyError as e:
    print(type(e).__name__, e)
print(a, ListSet([1, 2])._hash() == frozenset([1, 2]).__hash__() or True)


class MyList(MutableSequence):
    def __init__(self):
        self._l = []
    def __getitem__(self, i):
        return self._l[i]
    def __setitem__(self, i, v):
        self._l[i] = v
    def __delitem__(self, i):
        del self._l[i]
    def __len__(self):
        return len(self._l)
    def insert(self, i, v):
        self._l.insert(i, v)

m = MyList()
m.append(1); m.extend([2, 3]); m += [4]
m.reverse()
print(list(m), m.pop(), m.pop(0), list(m))
m.remove(2)
print(list(m))

class Gen(Generator):
    def __init__(self):
        self.i = 0
    def send(self, value):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
    def throw(self, typ, val=None, tb=None):
        return super().throw(typ, val, tb)
print(list(Gen()), isinstance(Gen(), Iterator))
g = Gen()
g.close()
