print({'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {1: 'x'} == {1.0: 'x'}, {} == {})
d = {1: 'int', 1.0: 'float', True: 'bool'}
print(d, len(d))
d2 = {(1, 2): 'tuple key', frozenset([1]): 'frozenset key', None: 'none key', 'k': 'v'}
print(d2[(1, 2)], d2[frozenset({1})], d2[None])
try:
    {'a': 1} < {'b': 2}
except TypeError as e:
    print(type(e).__name__, e)
print(dict(a=1) != dict(a=2), list({'b': 1, 'a': 2}.items()))
