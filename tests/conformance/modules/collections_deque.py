# collections.deque (native) and defaultdict: the common calls and errors.
from collections import deque, defaultdict
d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, len(d), d.maxlen, d[0], d[-1], 3 in d)
d.rotate(2); print(d)
d.remove(3); print(d, d.count(1), d.index(4))
print(list(reversed(d)), d == deque([4, 5, 0, 1, 2]), deque() == deque())
try:
    deque().pop()
except IndexError as e: print(e)
try:
    for x in d: d.append(1)
except RuntimeError as e: print(e)
try: hash(d)
except TypeError as e: print(e)
dd = defaultdict(list); dd['a'].append(1); print(dd, dd['b'])
print(deque('abc'), deque[int])
