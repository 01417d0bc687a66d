import math, sys, time
import collections, functools, itertools
from collections import OrderedDict, defaultdict, namedtuple, deque, Counter
print(OrderedDict(a=1), dict(defaultdict(list, k=[1])), deque([1, 2], maxlen=2))
Point = namedtuple('Point', 'x y')
print(Point(1, 2), Point(1, 2).x, Point._fields)
print(Counter('abracadabra').most_common(2))
print(list(itertools.islice(itertools.count(5), 3)), list(itertools.chain([1], [2])), functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]))
print(list(itertools.product('ab', repeat=2)), list(itertools.permutations([1, 2, 3], 2))[:3])
