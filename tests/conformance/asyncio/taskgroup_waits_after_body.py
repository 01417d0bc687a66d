# The body finishes first; the group then waits for children, including
# ones created by other children.
import asyncio

async def grandchild(tg_holder):
    await asyncio.sleep(0.02)
    print('grandchild done')

async def child(tg):
    await asyncio.sleep(0.01)
    print('child done, spawning')
    tg.create_task(grandchild(tg))

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child(tg))
        print('body done')
    print('group done')

asyncio.run(main())
