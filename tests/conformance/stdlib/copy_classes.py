import copy


class Plain:
    def __init__(self):
        self.items = [1, 2]
        self.name = 'p'

p = Plain()
c = copy.copy(p)
d = copy.deepcopy(p)
print(type(c).__name__, c.items is p.items, d.items is p.items, d.items == p.items, vars(d))


class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = [1]

s = Slotted()
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
print(s2.a is s.a, s3.a is s.a, s3.a, hasattr(s3, 'b'))


class WithHooks:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__ called')
        return WithHooks(self.v)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return WithHooks(copy.deepcopy(self.v, memo))

w = WithHooks([1])
print(copy.copy(w).v is w.v, copy.deepcopy(w).v is w.v)


class State:
    def __init__(self):
        self.x = 1
        self.cache = 'big'
    def __getstate__(self):
        state = self.__dict__.copy()
        del state['cache']
        return state
    def __setstate__(self, state):
        print('setstate', sorted(state))
        self.__dict__.update(state)
        self.cache = 'rebuilt'

st = copy.deepcopy(State())
print(st.x, st.cache)


class Reduced:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __reduce__(self):
        return (Reduced, (self.a, self.b))
    def __repr__(self):
        return f'Reduced({self.a!r}, {self.b!r})'

r = Reduced([1], 'x')
print(copy.copy(r), copy.copy(r).a is r.a, copy.deepcopy(r).a is r.a)


class MyList(list):
    pass
ml = MyList([1, [2]])
ml.tag = 't'
ml2 = copy.copy(ml)
ml3 = copy.deepcopy(ml)
print(type(ml2).__name__, ml2, ml2.tag, ml2[1] is ml[1], ml3[1] is ml[1], ml3.tag)


class MyDict(dict):
    pass
md = MyDict(a=[1])
md2 = copy.deepcopy(md)
print(type(md2).__name__, md2, md2['a'] is md['a'])

from collections import OrderedDict, Counter, defaultdict, namedtuple, deque
od = OrderedDict([('b', 1), ('a', [2])])
print(copy.copy(od), copy.deepcopy(od)['a'] is od['a'])
print(copy.copy(Counter('aab')), copy.deepcopy(defaultdict(list, {'k': [1]})))
P = namedtuple('P', 'x y')
print(copy.copy(P(1, [2])), copy.deepcopy(P(1, [2])))
dq = deque([1, [2]])
print(copy.copy(dq), copy.copy(dq)[1] is dq[1])


class Meth:
    def m(self):
        return self
bound = Meth().m
print(type(copy.deepcopy(bound)).__name__, copy.copy(bound) is bound)
print(copy.copy(Plain) is Plain, copy.deepcopy(Plain) is Plain)
