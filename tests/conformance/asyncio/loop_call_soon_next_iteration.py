# A callback scheduled while the ready queue is being run waits for the next
# iteration: it runs after everything that was already ready.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    def first():
        print('first')
        loop.call_soon(print, 'scheduled by first')
    loop.call_soon(first)
    loop.call_soon(print, 'second')
    loop.call_soon(print, 'third')
    await asyncio.sleep(0)
    print('main after one yield')
    await asyncio.sleep(0)
    print('main after two yields')

asyncio.run(main())
