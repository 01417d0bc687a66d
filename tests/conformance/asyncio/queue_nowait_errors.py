# get_nowait on an empty queue raises QueueEmpty; put_nowait on a full one
# raises QueueFull.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print('QueueEmpty', repr(e))
    q.put_nowait('a')
    print(q.full())
    try:
        q.put_nowait('b')
    except asyncio.QueueFull as e:
        print('QueueFull', repr(e))
    print(q.get_nowait())

asyncio.run(main())
