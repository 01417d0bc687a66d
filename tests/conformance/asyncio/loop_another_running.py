# Running a second loop inside a running one is refused.
import asyncio

async def job():
    pass

async def main():
    other = asyncio.new_event_loop()
    c = job()
    try:
        other.run_until_complete(c)
    except RuntimeError as e:
        print('RuntimeError:', e)
    c.close()
    other.close()

asyncio.run(main())
