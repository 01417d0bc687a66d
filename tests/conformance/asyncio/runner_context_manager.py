# Runner as a context manager closes its loop on exit; state carries over
# between runs on the same loop.
import asyncio

async def start(store):
    store['task'] = asyncio.create_task(asyncio.sleep(0.001, 'background result'))
    return 'started'

async def finish(store):
    return await store['task']

store = {}
with asyncio.Runner() as runner:
    print(runner.run(start(store)))
    print(runner.run(finish(store)))
    loop = runner.get_loop()
print(loop.is_closed())
