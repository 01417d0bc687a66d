# Callbacks of several futures resolved in one step run in the order the
# futures were resolved.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    for i, f in enumerate(futs):
        f.add_done_callback(lambda fut, i=i: print('done', i, fut.result()))
    futs[2].set_result('c')
    futs[0].set_result('a')
    futs[1].set_result('b')
    await asyncio.sleep(0)

asyncio.run(main())
