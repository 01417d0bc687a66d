# run_until_complete accepts a Future and returns its result; a coroutine's
# exception propagates out of it.
import asyncio

async def fail():
    await asyncio.sleep(0)
    raise ValueError('from coroutine')

loop = asyncio.new_event_loop()
fut = loop.create_future()
loop.call_soon(fut.set_result, 42)
print(loop.run_until_complete(fut))
try:
    loop.run_until_complete(fail())
except ValueError as e:
    print('ValueError:', e)
task = loop.create_task(fail())
try:
    loop.run_until_complete(task)
except ValueError as e:
    print('task ValueError:', e)
loop.close()
