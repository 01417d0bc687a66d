import bisect
from bisect import bisect_left, bisect_right, insort, insort_left, insort_right

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 2, 2), bisect_right(a, 2, 0, 3), bisect_left(a, 5, hi=3), bisect_left([], 1))
try:
    bisect_left(a, 1, -1)
except ValueError as e:
    print(type(e).__name__, e)

def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect_right(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

l = []
for x in [5, 1, 4, 1, 3]:
    insort(l, x)
print(l)
insort_left(l, 4)
insort_right(l, 4.0)
print(l, [type(v).__name__ for v in l])

records = [('a', 1), ('b', 3), ('c', 5)]
print(bisect_left(records, 3, key=lambda r: r[1]), bisect_right(records, 3, key=lambda r: r[1]))
insort(records, ('x', 4), key=lambda r: r[1])
insort_left(records, ('y', 3), key=lambda r: r[1])
insort_right(records, ('z', 3), key=lambda r: r[1])
print(records)
print(bisect.bisect_left('acegi', 'd'), bisect.insort is insort_right, bisect.bisect is bisect_right)
try:
    bisect_left([1, 'a'], 2)
except TypeError as e:
    print(type(e).__name__)
print(bisect_left([1, 2, 3], 5, hi=-1), bisect_left([1, 2, 3], 5, hi=-2), bisect_right([1, 2, 3], 0, 0, -1),
      bisect_left([1, 2, 3], 2, lo=True))
for call in [lambda: bisect_left([1], 1, 'a'), lambda: bisect_left(None, 1), lambda: insort(None, 1)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
