d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 99), d)
print(d.pop('b'), d.pop('zz', 'default'), d)
print(d.popitem(), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d, list(d.keys()), list(d.values()), list(d.items()))
e = d.copy()
e['x'] = 'changed'
print(d['x'], e['x'])
print(dict.fromkeys('ab'), dict.fromkeys([1, 2], 0))
d.clear()
print(d, len(d))
try:
    d.pop('missing')
except KeyError as err:
    print(type(err).__name__, err)
