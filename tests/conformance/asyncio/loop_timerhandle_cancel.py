# TimerHandle: when() is the deadline, cancel() stops it from firing, even
# when cancelled by another timer that fires just before it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t1 = loop.call_later(0.02, print, 'never')
    t2 = loop.call_later(0.01, print, 'fired')
    print(type(t1).__name__)
    print(t1.when() >= start + 0.02, t2.when() < t1.when())
    t1.cancel()
    print(t1.cancelled(), t2.cancelled())
    t4 = loop.call_later(0.04, print, 'also never')
    loop.call_later(0.03, t4.cancel)
    await asyncio.sleep(0.05)
    print('done')

asyncio.run(main())
