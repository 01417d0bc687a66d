d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d['d'] = 4
print(len(k), list(v), ('d', 4) in i, 'a' in k, 4 in v)
print(sorted(k & {'a', 'x'}), sorted(k | {'x'}), sorted(k - {'a'}), sorted(k ^ {'a', 'z'}))
print(sorted(i & {('a', 1), ('b', 0)}), k == {'a', 'b', 'c', 'd'}, k.isdisjoint({'q'}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(d.keys() == d.keys(), d.values() == d.values())
try:
    for key in d:
        d['new'] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
