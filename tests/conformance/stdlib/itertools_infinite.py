from itertools import count, cycle, repeat, islice
import itertools

c = count()
print(next(c), next(c), repr(c))
print(list(islice(count(5, 3), 4)), repr(count(5, 3)), repr(count(-2)))
print(list(islice(count(1.5, 0.5), 3)), repr(count(1.5)), repr(count(0, 1.0)), repr(count(0, -1)))
print(list(islice(count(2, -1), 4)))
for bad in ['a', [1]]:
    try:
        count(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    count(0, 'x')
except TypeError as e:
    print(type(e).__name__, e)

print(list(islice(cycle('abc'), 8)), list(cycle([])))
cy = cycle(iter([1, 2]))
print([next(cy) for _ in range(5)])

print(list(repeat('x', 3)), list(repeat(1, 0)), list(repeat(1, -4)))
print(repr(repeat('x')), repr(repeat('x', 3)), repr(repeat(None, -2)))
r = repeat(7, 2)
print(r.__length_hint__(), next(r), r.__length_hint__(), repr(r))
print(list(islice(repeat([0]), 3)))
print(list(map(pow, range(5), repeat(2))))
try:
    repeat(1, 'a')
except TypeError as e:
    print(type(e).__name__, e)
print(type(count()).__name__, type(cycle('')).__name__, type(repeat(1)).__name__)
print(iter(c) is c, isinstance(c, count))
