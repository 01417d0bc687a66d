# new_event_loop + set_event_loop + run_until_complete, then close.
import asyncio

async def compute(x):
    await asyncio.sleep(0.001)
    return x * 3

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running(), loop.is_closed())
print(loop.run_until_complete(compute(4)))
print(loop.run_until_complete(compute('ab')))
loop.close()
print(loop.is_closed())
asyncio.set_event_loop(None)
