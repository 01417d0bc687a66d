from collections import defaultdict
import copy

d = defaultdict(list)
d['a'].append(1)
d['b']
print(d, d['a'], 'c' in d, len(d), d.default_factory)
print(defaultdict(), defaultdict(None, {'x': 1}), defaultdict(int, a=1), defaultdict(int, [('k', 2)]))
try:
    defaultdict(None)['missing']
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(3)
except TypeError as e:
    print(type(e).__name__, e)
counts = defaultdict(int)
for ch in 'mississippi':
    counts[ch] += 1
print(sorted(counts.items()), counts.get('z'), 'z' in counts)
c = d.copy()
c['a'].append(2)
print(type(c).__name__, c, c.default_factory is list, d['a'])
print(copy.copy(d), copy.deepcopy(d)['a'] is d['a'])
m = d | {'z': [9]}
print(type(m).__name__, m, {'z': [9]} | d)
d |= {'q': []}
print(d)
r = defaultdict(list)
r['self'] = r
print(r)
class Sub(defaultdict):
    pass
print(Sub(int, a=1), isinstance(Sub(), dict))
d.default_factory = None
print(d)
