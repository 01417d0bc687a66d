r = range(10)
print(r, range(2, 8), range(0, 10, 3), range(5, 0, -1), list(range(5, 0, -2)), list(range(0)))
print(len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -3)), r[-1], r[2:5], r[::-1], r[::2][1:])
print(5 in r, 10 in r, 5.0 in r, 'a' in r, range(0, 10, 2).index(4), range(0, 10, 2).count(3))
print(range(3) == range(0, 3), range(0) == range(2, 2), range(1, 2, 3).start, range(1, 2, 3).stop, range(1, 2, 3).step)
print(list(reversed(range(4))), range(-5, -1)[1], sum(range(101)), bool(range(0)))
big = range(0, 10 ** 20, 7)
print(range(10 ** 20)[-1], big[-1], 10 ** 19 in big, big.index(7 * 10 ** 18))
try:
    len(big)
except OverflowError as e:
    print(type(e).__name__, e)
try:
    range(0, 10, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    range(5).index(7)
except ValueError as e:
    print(type(e).__name__, e)
