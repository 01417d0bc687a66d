import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop

h = []
for x in [5, 1, 8, 3, 9, 2, 7, 1]:
    heappush(h, x)
    print(h)
print([heappop(h) for _ in range(len(h))], h)

data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapify(data)
print(data)
print(heapreplace(data, 10), data)
print(heappushpop(data, -1), data)
print(heappushpop(data, 4), data)
print(heappushpop([], 3))
print(heapq._heappop_max([3]), end=' ')
m = [1, 5, 3, 9, 2]
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)

for fn, args in [(heappop, ([],)), (heapreplace, ([], 1)), (heappush, ((), 1)), (heapify, ((1,),)),
                 (heappop, ((),))]:
    try:
        fn(*args)
    except (IndexError, TypeError) as e:
        print(fn.__name__, type(e).__name__, e)

tasks = []
for prio, name in [(3, 'write'), (1, 'plan'), (2, 'code'), (1, 'coffee')]:
    heappush(tasks, (prio, name))
print([heappop(tasks) for _ in range(4)])

try:
    heapify([1, 'a', 2])
except TypeError as e:
    print(type(e).__name__)
print(sorted(heapq.__all__))
