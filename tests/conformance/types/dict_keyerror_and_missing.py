d = {'a': 1}
for key in ('b', 1, (1, 2), None):
    try:
        d[key]
    except KeyError as e:
        print(type(e).__name__, e, repr(e))
try:
    d[[1]]
except TypeError as e:
    print(type(e).__name__, e)
class Counter(dict):
    def __missing__(self, key):
        self[key] = 0
        return 0
c = Counter()
c['x'] += 1
c['x'] += 1
print(c, c.get('y'), 'y' in c)
