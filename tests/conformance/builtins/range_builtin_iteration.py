total = 0
for i in range(1, 11):
    total += i
print(total)
print([i for i in range(10, 0, -3)], list(range(-3)), list(range(-3, 3)))
r = range(3)
it1, it2 = iter(r), iter(r)
print(next(it1), next(it1), next(it2))
try:
    range()
except TypeError as e:
    print(type(e).__name__, e)
try:
    range(1, 2, 3, 4)
except TypeError as e:
    print(type(e).__name__, e)
