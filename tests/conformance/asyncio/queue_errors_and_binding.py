# Queue errors: QueueEmpty, QueueFull, task_done() too many times, bad
# arguments, and a queue used from a second event loop.
import asyncio
import re

q = asyncio.Queue(1)
try:
    q.get_nowait()
except asyncio.QueueEmpty as e:
    print('QueueEmpty', repr(e))
q.put_nowait(1)
try:
    q.put_nowait(2)
except asyncio.QueueFull as e:
    print('QueueFull', repr(e))
q.get_nowait()
q.task_done()
try:
    q.task_done()
except ValueError as e:
    print('ValueError:', e)
for args, kwargs in (((1, 2), {}), ((), {'size': 3}), ((1,), {'maxsize': 2})):
    try:
        asyncio.Queue(*args, **kwargs)
    except TypeError as e:
        print('TypeError:', e)
print(asyncio.Queue(maxsize=4).maxsize)

async def first():
    waiting = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    waiting.cancel()
    try:
        await waiting
    except asyncio.CancelledError:
        print('cancelled getter', len(q._getters))

async def second():
    try:
        await q.get()
    except RuntimeError as e:
        print('RuntimeError:', re.sub(r'0x[0-9a-f]+', '0x...', str(e)))
    q.put_nowait(5)
    print(await q.get())

asyncio.run(first())
asyncio.run(second())
