# Seeded sequences match CPython's: ints, bytes and str seeds; every method.
import random

for seed in [0, 1, 42, 12345678901234567890, -7, 'hello', b'bytes', bytearray(b'ba'), 3.5]:
    random.seed(seed)
    print(repr(seed), random.random(), random.getrandbits(40), random.getrandbits(100), random.randrange(1000))

random.seed(2023)
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(0, 100, 7) for _ in range(5)], random.randrange(-10, -100, -3), random.randrange(10 ** 30))
print(random.choice('abcdef'), random.choice([1, 2, 3]), random.choice(range(10 ** 6)))
deck = list(range(20))
random.shuffle(deck)
print(deck)
print(random.sample(range(100), 5), random.sample('abcdefgh', 8), random.sample(range(10 ** 6), 3))
print(random.sample(['red', 'blue'], counts=[4, 2], k=5))
print(random.choices('abc', k=5), random.choices('abc', [10, 1, 1], k=5), random.choices('abc', cum_weights=[1, 2, 30], k=4))
print(random.uniform(1, 10), random.triangular(), random.triangular(0, 10, 2), random.triangular(3, 3))
print(random.gauss(), random.gauss(5, 2), random.gauss(), random.normalvariate(), random.normalvariate(10, 0.5))
print(random.expovariate(1.5), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2), random.vonmisesvariate(0, 0))
print(random.gammavariate(0.5, 1), random.gammavariate(1, 2), random.gammavariate(3, 1.5), random.betavariate(2, 5))
print(random.paretovariate(3), random.weibullvariate(1, 1.5), random.randbytes(6))

r = random.Random(99)
state = r.getstate()
first = [r.random() for _ in range(3)]
r.setstate(state)
print(first == [r.random() for _ in range(3)], len(state), state[0], len(state[1]), state[2])
r2 = random.Random()
r2.setstate(state)
print(r2.random() == first[0], random.Random(5).random() == random.Random(5).random())
r.seed(7)
r.gauss()
s = r.getstate()
print(r.gauss() == (r.setstate(s) or r.gauss()))
