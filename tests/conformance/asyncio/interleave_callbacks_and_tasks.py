# Plain callbacks and task steps share the one ready queue.
import asyncio

async def task_body(name):
    print(name, 'step 1')
    await asyncio.sleep(0)
    print(name, 'step 2')

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, 'callback 1')
    asyncio.create_task(task_body('task'))
    loop.call_soon(print, 'callback 2')
    await asyncio.sleep(0)
    print('main resumed')
    loop.call_soon(print, 'callback 3')
    await asyncio.sleep(0)
    print('main resumed again')

asyncio.run(main())
