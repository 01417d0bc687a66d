from itertools import islice, count

print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)),
      list(islice('ABCDEFG', 0, None, 2)), list(islice('ABC', None)), list(islice('ABC', None, None, None)))
print(list(islice(count(), 3, 20, 5)), list(islice(range(3), 10)), list(islice('abc', 5, 10)))

for args in [(5,), (2, 5), (0, 10, 3), (None, None, 2), (3, 3), (5, 2), (1, 6, 2), (0, 9, 4), (0, 10, 4), (12,)]:
    it = iter(range(10))
    print(args, list(islice(it, *args)), list(it))

bad_calls = [('x',), ('x', 1, 2, 3, 4), ('x', -1), ('x', 'a'), ('x', -1, 3), ('x', 1, -3),
             ('x', 1, 3, 0), ('x', 1, 3, -1), ('x', 1.5), ('x', 0, 2, 'a'), ('x', 'a', 2)]
for args in bad_calls:
    try:
        islice(*args)
        print('ok', args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    islice(5, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    islice('abc', stop=2)
except TypeError as e:
    print(type(e).__name__, e)

class Idx:
    def __index__(self):
        return 2
print(list(islice('abcdef', Idx())), list(islice('abcdef', Idx(), None, Idx())))
