# A task that never got to run, dropped after its loop was closed, reports
# "Task was destroyed but it is pending!" at once, and its coroutine warns
# that it was never awaited.
import asyncio

async def forever():
    await asyncio.sleep(10)

loop = asyncio.new_event_loop()
task = loop.create_task(forever(), name='never started')
loop.close()
print('loop closed, task done:', task.done())
del task
print('end')
