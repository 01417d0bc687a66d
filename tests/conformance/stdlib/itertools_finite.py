from itertools import (accumulate, chain, compress, dropwhile, filterfalse,
                       pairwise, starmap, takewhile, zip_longest)
import operator

print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=10)),
      list(accumulate([1, 2], initial=100)), list(accumulate([])), list(accumulate('abc')))
print(list(accumulate([1, 2, 3], func=lambda a, b: a - b, initial=0)))

print(list(chain('ab', [1, 2], (), range(2))), list(chain()))
print(list(chain.from_iterable(['ab', 'cd'])), list(chain.from_iterable([])))
def gen():
    yield [1]
    print('second')
    yield [2]
cf = chain.from_iterable(gen())
print(next(cf))
print(next(cf))
try:
    list(chain(1, 2))
except TypeError as e:
    print(type(e).__name__, e)

print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(compress('ABC', [1, 1])),
      list(compress(range(10), (x % 3 == 0 for x in range(10)))))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(bool, [])))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(bool, [0, 1])))
tw = iter([1, 2, 10, 3])
print(list(takewhile(lambda x: x < 5, tw)), list(tw))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, '', 'a', None, []])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(operator.add, ['ab', 'cd'])))
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(list(zip_longest('ABCD', 'xy', fillvalue='-')), list(zip_longest()))
print(list(zip_longest([1], [2, 3], [4, 5, 6])))
try:
    zip_longest(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    starmap(pow, [1])
    list(starmap(pow, [1]))
except TypeError as e:
    print(type(e).__name__)
print(type(chain()).__name__, type(pairwise([])).__name__, type(zip_longest()).__name__)
