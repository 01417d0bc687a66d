# enumerate, zip, map, filter and reversed: results, types and messages.
print(list(enumerate('ab', 5)), list(enumerate('abc', 2 ** 63 - 2)), list(enumerate(iterable='x', start=-1)))
print(list(zip('ab', [1, 2, 3])), list(zip()), list(zip(*['ab', 'cd'])))
print(list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, 1, '', 'a'])), list(filter(lambda x: x > 1, [1, 2, 3])))
print(list(reversed((1, 2, 3))), list(reversed('abc')), list(reversed({1: 'a', 2: 'b'})))
print([type(x).__name__ for x in [enumerate([]), zip(), map(len, []), filter(None, []), reversed(()), reversed([])]])
for args, kwargs in [(('ab', 'abc'), {}), (('abc', 'ab'), {}), (('ab', 'ab', 'a'), {}), (('a', 'ab', 'ab'), {})]:
    try:
        print(list(zip(*args, strict=True)))
    except ValueError as e:
        print('ValueError', e)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), type(iter(Seq())).__name__)
counter = iter(range(10))
print(list(iter(lambda: next(counter), 4)), type(iter(int, 1)).__name__)
for call in [lambda: enumerate(), lambda: enumerate([], 1, 2), lambda: enumerate(x=1),
             lambda: zip(x=1), lambda: map(len), lambda: filter(None), lambda: reversed(1),
             lambda: reversed({1}), lambda: enumerate([], 'a'), lambda: map(len, [], x=1)]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)
class E(enumerate):
    pass
print(list(E('ab')), type(E('ab')).__name__, enumerate[int])
