# call_at takes an absolute loop.time() deadline; later deadlines fire later.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    h = loop.call_at(start + 0.02, print, 'second')
    loop.call_at(start + 0.01, print, 'first')
    loop.call_at(start + 0.03, print, 'third')
    print(h.when() == start + 0.02)
    await asyncio.sleep(0.04)

asyncio.run(main())
