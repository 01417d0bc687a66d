# wait(timeout=...) returns what finished in time and leaves the rest
# running; it does not raise.
import asyncio

async def slow(go):
    await go.wait()
    return 'slow result'

async def main():
    go = asyncio.Event()
    fast = asyncio.create_task(asyncio.sleep(0, 'fast result'))
    late = asyncio.create_task(slow(go))
    done, pending = await asyncio.wait({fast, late}, timeout=0.03)
    print(fast in done, late in pending, late.done())
    go.set()
    print(await fast, await late)

asyncio.run(main())
