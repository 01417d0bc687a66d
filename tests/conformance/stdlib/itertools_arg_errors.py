# Argument errors of the itertools constructors, worded as CPython's.
import itertools as it
calls = ['it.cycle()', 'it.cycle(1, 2)', 'it.repeat()', 'it.count(1, 2, 3)', 'it.accumulate()', 'it.compress("a")',
         'it.dropwhile(len)', 'it.takewhile(len)', 'it.filterfalse(len)', 'it.starmap(len)', 'it.pairwise()', 'it.groupby()', 'it.tee()',
         'it.permutations()', 'it.combinations("a")', 'it.combinations_with_replacement("a")', 'it.chain.from_iterable()',
         'it.zip_longest(x=1)', 'it.product(x=1)', 'it.cycle(1)', 'it.chain(1, x=2)', 'it.pairwise(1)', 'it.product(1)', 'it.combinations(1, 2)',
         'it.repeat(1, times=2)', 'it.count(start=3)', 'it.accumulate([1], initial=3)', 'it.permutations("a", r=2)',
         'it.combinations("ab", r=1)', 'it.compress(data="a", selectors=[1])', 'it.count(step=2)', 'it.cycle(iterable=[])']
calls += ['it.compress(1,2,3)', 'it.repeat(1,2,3)', 'it.accumulate(1,2,3)', 'it.groupby(1,2,3)', 'it.permutations(1,2,3)', 'it.combinations(1,2,3)',
 'it.repeat(1, object=2)', 'it.accumulate([1], x=1)', 'it.count(x=1)', 'it.count(1, start=1)', 'it.zip_longest(fillvalue=1, x=2)', 'it.product(repeat=1, x=1)',
 'it.tee([], 2, 3)', 'it.tee([], n=2)', 'it.islice()', 'it.chain.from_iterable(1, 2)', 'it.chain.from_iterable(x=1)', 'it.count(1, 2)', 'it.product("a", "b", repeat="x")', 'it.permutations("abc", "x")', 'it.combinations("abc", 1.5)',
 'it.repeat(1, 2.5)', 'it.tee([], 2.5)', 'it.islice("a", 1.5)']
for c in calls:
    try:
        r = eval(c)
        print(c, 'ok', list(it.islice(r, 3)) if not isinstance(r, tuple) else r)
    except (TypeError, ValueError) as e:
        print(c, type(e).__name__, e)
