# TimerHandles compare by their deadline.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    a = loop.call_at(now + 1, print)
    b = loop.call_at(now + 2, print)
    c = loop.call_at(now + 1, print)
    print(a < b, b > a, a <= c, a == a, a == b)
    for h in (a, b, c):
        h.cancel()

asyncio.run(main())
