# Difference: timers with equal deadlines fire in the order they were
# scheduled (coil's timer heap is ordered by deadline, then by a sequence
# number).
#
# CPython 3.11 orders its timer heap by deadline alone, so callbacks sharing
# a deadline come out in whatever order heapq leaves them; this script prints
# [0, 2, 6, 5, 9, 8, 7, 1, 3, 4] there.
#
# Why: the order is unspecified in CPython, and under virtual time equal
# deadlines are common (two tasks sleeping the same delay from the same
# instant), so coil makes it the one a reader expects: first scheduled,
# first fired.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.01
    order = []
    for i in range(10):
        loop.call_at(when, order.append, i)
    await asyncio.sleep(0.02)
    print(order)

asyncio.run(main())
