# Differential check of itertools, heapq and bisect on generated inputs:
# a checksum of each function's results, to equal CPython's.
import itertools as it
import heapq
import bisect
import operator


class Generator:
    """A small linear congruential generator, so that no random module is needed."""
    state = 12345

    def randint(self, a, b):
        self.state = (self.state * 1103515245 + 12345) % 2 ** 31
        return a + self.state % (b - a + 1)

    def choice(self, seq):
        return seq[self.randint(0, len(seq) - 1)]

    def sample(self, population, k):
        population = list(population)
        return [population.pop(self.randint(0, len(population) - 1)) for _ in range(k)]


random = Generator()
checks = {}


def note(name, value):
    total = checks.get(name, 0)
    for ch in repr(value):
        total = (total * 31 + ord(ch)) % 1000000007
    checks[name] = total


for trial in range(200):
    n = random.randint(0, 5)
    r = random.randint(0, 6)
    pool = [random.randint(0, 3) for _ in range(n)]
    note('permutations', list(it.permutations(pool, r)))
    note('combinations', list(it.combinations(pool, r)))
    note('combinations_with_replacement', list(it.combinations_with_replacement(pool, r)))
    note('product', list(it.product(pool, repeat=min(r, 3))))
    args = [random.choice([None, 0, 1, 2, 5, 9]) for _ in range(random.randint(1, 3))]
    if len(args) == 3 and args[2] == 0:
        args[2] = None
    src = iter(range(12))
    note('islice', (args, list(it.islice(src, *args)), list(src)))
    data = [random.randint(0, 50) for _ in range(random.randint(0, 30))]
    h = []
    for x in data:
        heapq.heappush(h, x)
    note('heappush', h)
    h2 = list(data)
    heapq.heapify(h2)
    note('heapify', h2)
    note('heappop', [heapq.heappop(h2) for _ in range(len(h2) // 2)] + h2)
    k = random.randint(0, 8)
    note('nlargest', (heapq.nlargest(k, data), heapq.nlargest(k, data, key=lambda x: x % 7)))
    note('nsmallest', (heapq.nsmallest(k, data), heapq.nsmallest(k, data, key=lambda x: x % 7)))
    parts = [sorted(random.sample(range(40), random.randint(0, 6))) for _ in range(random.randint(0, 4))]
    note('merge', list(heapq.merge(*parts)))
    note('merge_reverse', list(heapq.merge(*[p[::-1] for p in parts], reverse=True)))
    note('merge_key', list(heapq.merge(*parts, key=lambda x: x // 5)))
    s = sorted(data)
    x = random.randint(-1, 51)
    note('bisect', (bisect.bisect_left(s, x), bisect.bisect_right(s, x)))
    note('groupby', [(key, list(g)) for key, g in it.groupby(s, key=lambda v: v // 10)])
    note('accumulate', list(it.accumulate(data, operator.sub)))
    note('zip_longest', list(it.zip_longest(data[:3], data[3:7], fillvalue=-1)))

for name in sorted(checks):
    print(name, checks[name])
