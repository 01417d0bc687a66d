# call_later callbacks fire by deadline, not by scheduling order.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for delay in (0.03, 0.01, 0.04, 0.02):
        loop.call_later(delay, print, 'fired', delay)
    print('scheduled')
    await asyncio.sleep(0.05)
    print('done')

asyncio.run(main())
