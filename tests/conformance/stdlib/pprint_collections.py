# pprint of collections types (OrderedDict, defaultdict, Counter, deque), depth, compact.
import pprint
from collections import OrderedDict, defaultdict, Counter, deque
big = {f'key{i}': list(range(i)) for i in range(8)}
pprint.pprint(OrderedDict(big))
d = defaultdict(list, big)
pprint.pprint(d)
pprint.pprint(Counter('abracadabra' * 5 + 'xyzzy' * 3 + 'the quick brown fox jumps'))
pprint.pprint(deque(range(40)))
pprint.pprint(deque(range(40), maxlen=50))
pprint.pprint(tuple(range(30)), width=40)
pprint.pprint([{'a': i, 'bb': 'x' * i} for i in range(6)], width=30)
pprint.pprint({'x': (1, 2, 3) * 10}, indent=3, width=40)
pprint.pprint([[1, 2, [3, 4, [5, 6, [7, 8]]]]] * 3, depth=3)
pprint.pprint('short')
pprint.pprint(['a' * 90])
pprint.pprint({'a': 'b' * 100})
pprint.pprint(list(range(100)), compact=True)
