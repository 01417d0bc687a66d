f = frozenset([3, 1, 2, 1])
print(f, len(f), 2 in f, type(f | {9}).__name__, type({9} | f).__name__)
print(sorted(f & {1, 5}), frozenset(), repr(frozenset({1})))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {f: 'usable as key'}[frozenset({1, 2, 3})])
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__, e)
print({frozenset({1}), frozenset({1})}, f == {1, 2, 3}, f.issubset(range(5)))
