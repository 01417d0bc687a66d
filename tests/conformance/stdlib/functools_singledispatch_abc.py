# singledispatch over ABCs: the implementation chosen for builtin and
# collections types, and the ambiguous cases CPython refuses.
from functools import singledispatch
import collections.abc as c
from collections import OrderedDict, defaultdict, UserDict, deque

def make(*types):
    @singledispatch
    def f(x): return 'object'
    for t in types:
        f.register(t, lambda x, t=t: t.__name__)
    return f

scenarios = [
    (c.Sized, c.Iterable), (c.Sequence, c.Iterable), (c.Mapping, c.MutableMapping), (c.Sized,), (c.Container, c.Sized),
    (c.Sequence, c.Sized, list), (c.Collection, c.Reversible), (dict, c.Mapping), (c.MutableSequence, c.Sequence, c.Iterable),
    (c.Set, c.Sized), (c.Hashable, c.Iterable),
]
samples = [[], (), 'str', {}, set(), frozenset(), OrderedDict(), defaultdict(), UserDict(), deque(), range(3), 3, iter([])]
for types in scenarios:
    f = make(*types)
    row = []
    for s in samples:
        try:
            row.append(f(s))
        except RuntimeError as e:
            row.append('RuntimeError: ' + str(e).replace("<class '", '').replace("'>", ''))
    print([t.__name__ for t in types], row)
