# Three tasks yielding with sleep(0) take turns in creation order.
import asyncio

async def spinner(name, n, out):
    for i in range(n):
        out.append(f'{name}{i}')
        await asyncio.sleep(0)

async def main():
    out = []
    tasks = [asyncio.create_task(spinner(n, 3, out)) for n in 'xyz']
    await asyncio.gather(*tasks)
    print(' '.join(out))

asyncio.run(main())
