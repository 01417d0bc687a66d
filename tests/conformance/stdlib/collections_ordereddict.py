from collections import OrderedDict

od = OrderedDict()
print(od, repr(OrderedDict(a=1)), OrderedDict([('b', 2), ('a', 1)]))
od['x'] = 1
od['y'] = 2
od['z'] = 3
od.move_to_end('x')
print(list(od))
od.move_to_end('z', last=False)
print(list(od), od)
try:
    od.move_to_end('nope')
except KeyError as e:
    print(type(e).__name__, e)
print(od.popitem(), od.popitem(last=False), od)
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)

a = OrderedDict([('a', 1), ('b', 2)])
b = OrderedDict([('b', 2), ('a', 1)])
print(a == b, a != b, a == dict(b), dict(b) == a, a == a.copy())
print(list(reversed(a)), list(a.keys()), list(a.values()), list(a.items()))
print(OrderedDict.fromkeys('abc', 0), a | {'c': 3}, {'c': 3} | a)
a |= {'z': 26}
print(a, a.setdefault('n', 9), a.pop('n'), a.setdefault('b'))
d = OrderedDict(a=1)
d.update([('b', 2)], c=3)
print(d, isinstance(d, dict), type(d.copy()).__name__)
d['a'] = 10
print(d)
del d['a']
d['a'] = 1
print(d)
r = OrderedDict()
r['self'] = r
print(r)
class Logged(OrderedDict):
    def __setitem__(self, key, value):
        print('set', key)
        super().__setitem__(key, value)
Logged([('p', 1)]).update(q=2)
try:
    hash(OrderedDict())
except TypeError as e:
    print(type(e).__name__)

# the views are ordered, reversible and named odict_*
v = OrderedDict(a=1, b=2)
print(v.keys(), v.values(), v.items(), type(v.keys()).__name__)
print(list(reversed(v.keys())), list(reversed(v.items())), list(reversed(v.values())))
print(v.keys() == {'a', 'b'}, v.keys() & {'a'}, v.items() | {('c', 3)} == {('a', 1), ('b', 2), ('c', 3)})
print(len(v.keys()), 'a' in v.keys(), ('a', 1) in v.items(), ('a', 2) in v.items(), 2 in v.values())
keys = v.keys()
v['c'] = 3
print(keys, list(v.values()))
