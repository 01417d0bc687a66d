# reschedule() moves the deadline; reschedule(None) removes it.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(None)
        print(cm.when())
        await asyncio.sleep(0.02)
    print('survived the original deadline')
    try:
        async with asyncio.timeout(None) as cm:
            new = loop.time() + 0.01
            cm.reschedule(new)
            print(cm.when() == new)
            await asyncio.sleep(1)
    except TimeoutError:
        print('rescheduled deadline hit')

asyncio.run(main())
