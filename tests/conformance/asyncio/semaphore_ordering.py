# A Semaphore(2) lets two tasks in at a time; the others get in in the order
# they started waiting, and never more than two hold it at once.
import asyncio

async def worker(name, sem, delay, state):
    async with sem:
        state['order'].append(name)
        state['inside'] += 1
        state['most'] = max(state['most'], state['inside'])
        await asyncio.sleep(delay)
        state['inside'] -= 1

async def main():
    sem = asyncio.Semaphore(2)
    state = {'order': [], 'inside': 0, 'most': 0}
    await asyncio.gather(worker('a', sem, 0.01, state), worker('b', sem, 0.03, state),
                         worker('c', sem, 0.01, state), worker('d', sem, 0.01, state),
                         worker('e', sem, 0.01, state))
    print(state['order'], 'at most', state['most'], 'inside at once')

asyncio.run(main())
