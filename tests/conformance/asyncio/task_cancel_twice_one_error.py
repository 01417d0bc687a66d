# Two cancel() calls while the task waits deliver a single CancelledError,
# carrying the first message.
import asyncio

async def job():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print('first CancelledError', e.args)
    await asyncio.sleep(0.001)
    print('second await completed normally')
    return 'done'

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0)
    print(t.cancel('one'), t.cancel('two'))
    print(await t)

asyncio.run(main())
