# async for over a user class with __aiter__/__anext__ and StopAsyncIteration.
import asyncio

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n

async def main():
    async for i in Countdown(3):
        print('got', i)
    else:
        print('else clause')
    async for i in Countdown(5):
        if i == 2:
            break
        print('item', i)

asyncio.run(main())
