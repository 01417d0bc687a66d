# Tasks sleeping different amounts wake in order of their deadlines.
import asyncio

async def sleeper(delay, out):
    await asyncio.sleep(delay)
    out.append(delay)

async def main():
    out = []
    await asyncio.gather(*(sleeper(d, out) for d in (0.04, 0.01, 0.03, 0.02)))
    print(out)

asyncio.run(main())
