# Error paths, subclasses, SystemRandom, and the module's names.
import random

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

random.seed(3)
attempt(lambda: random.randrange(0))
attempt(lambda: random.randrange(5, 5))
attempt(lambda: random.randrange(0, 10, 0))
attempt(lambda: random.randrange(10, 0, 2))
attempt(lambda: random.randrange('a'))
attempt(lambda: random.randint(5, 1))
attempt(lambda: random.choice([]))
attempt(lambda: random.sample({1, 2}, 1))
attempt(lambda: random.sample(range(3), 4))
attempt(lambda: random.sample(range(3), -1))
attempt(lambda: random.choices('ab', [1], k=2))
attempt(lambda: random.choices('ab', [0, 0]))
attempt(lambda: random.choices('ab', 3))
attempt(lambda: random.choices('ab', [1, 1], cum_weights=[1, 2]))
attempt(lambda: random.getrandbits(-1))
attempt(lambda: random.getrandbits(0))
attempt(lambda: random.gammavariate(0, 1))
attempt(lambda: random.seed([1, 2]))
attempt(lambda: random.setstate((9, (), None)))
attempt(lambda: random.Random().setstate((3, (1, 2), None)))
attempt(lambda: random.randrange(10, step=2))

class Dice(random.Random):
    def __init__(self, faces):
        super().__init__(faces)
        self.faces = faces
    def roll(self):
        return self.randint(1, self.faces)

d = Dice(20)
print([d.roll() for _ in range(5)], isinstance(d, random.Random))

class OnlyRandom(random.Random):
    def random(self):
        return 0.5
print(OnlyRandom().randrange(10), OnlyRandom().choice('abcd'))

s = random.SystemRandom()
x = s.random()
print(0 <= x < 1, 0 <= s.randrange(10) < 10, len(s.randbytes(4)), s.getrandbits(8) < 256, s.seed(1))
attempt(lambda: s.getstate())
random.seed()
print(0 <= random.random() < 1, random.Random().random() != random.Random().random())
print(sorted(name for name in random.__all__)[:8])
