# Tasks waiting on events set in sequence by a coordinator.
import asyncio

async def stage(name, wait_on, then_set):
    await wait_on.wait()
    print(name, 'running')
    await asyncio.sleep(0.001)
    then_set.set()

async def main():
    events = [asyncio.Event() for _ in range(4)]
    tasks = [asyncio.create_task(stage(f'stage{i}', events[i], events[i + 1]))
             for i in (2, 0, 1)]
    print('starting the chain')
    events[0].set()
    await events[3].wait()
    print('chain complete')
    await asyncio.gather(*tasks)

asyncio.run(main())
