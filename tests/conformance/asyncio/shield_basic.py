# shield: cancelling the task that awaits the shield does not cancel the
# shielded task, which runs on to its result.
import asyncio

async def important(go):
    await go.wait()
    print('important work finished')
    return 'saved'

async def waiter(t):
    try:
        await asyncio.shield(t)
    except asyncio.CancelledError:
        print('waiter cancelled')
        raise

async def main():
    go = asyncio.Event()
    t = asyncio.create_task(important(go))
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(0.01)
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)
    print('waiter cancelled:', w.cancelled(), 'task cancelled:', t.cancelled())
    go.set()
    print(await t)

asyncio.run(main())
