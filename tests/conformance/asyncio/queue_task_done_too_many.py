# Calling task_done() more times than items were put raises ValueError.
import asyncio

async def main():
    q = asyncio.Queue()
    q.put_nowait(1)
    q.get_nowait()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError:', e)

asyncio.run(main())
