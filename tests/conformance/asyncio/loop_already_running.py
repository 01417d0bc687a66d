# Calling run_until_complete or run_forever on the loop that is running
# raises "This event loop is already running".
import asyncio

async def job():
    pass

async def main():
    loop = asyncio.get_running_loop()
    c = job()
    try:
        loop.run_until_complete(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c.close()
    try:
        loop.run_forever()
    except RuntimeError as e:
        print('RuntimeError:', e)

asyncio.run(main())
