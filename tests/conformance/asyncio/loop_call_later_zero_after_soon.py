# call_later(0) goes through the timer queue: within one iteration, expired
# timers are appended after the callbacks already in the ready queue.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, 'soon 1')
    loop.call_later(0, print, 'later 0')
    loop.call_soon(print, 'soon 2')
    loop.call_later(-1, print, 'later -1')
    loop.call_soon(print, 'soon 3')
    await asyncio.sleep(0.01)
    print('main')

asyncio.run(main())
