from itertools import product, permutations, combinations, combinations_with_replacement

print(list(product('AB', 'xy')), list(product(range(2), repeat=3))[:5])
print(list(product()), list(product('ab', [])), list(product('ab', repeat=0)), len(list(product('abc', 'de', repeat=2))))
print(list(product([1, 2], repeat=1)))
try:
    product('a', repeat=-1)
except ValueError as e:
    print(type(e).__name__, e)

print(list(permutations('ABC')), list(permutations(range(3), 2)))
print(list(permutations('AB', 3)), list(permutations([], 0)), list(permutations('ab', 0)), len(list(permutations(range(5)))))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('AB', 3)), list(combinations('AB', 0)), list(combinations([], 0)))
print(list(combinations_with_replacement('ABC', 2)), list(combinations_with_replacement([], 2)),
      list(combinations_with_replacement([], 0)), list(combinations_with_replacement('ab', 0)))
print(len(list(combinations_with_replacement(range(5), 3))))
for fn in (permutations, combinations, combinations_with_replacement):
    try:
        fn('abc', -1)
    except ValueError as e:
        print(fn.__name__, type(e).__name__, e)
try:
    combinations('abc')
except TypeError as e:
    print(type(e).__name__)
print(sorted(permutations([2, 1, 1])))
it = product('ab', repeat=2)
print(next(it), iter(it) is it, type(it).__name__)
