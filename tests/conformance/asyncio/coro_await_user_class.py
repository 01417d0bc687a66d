# A user class with __await__ returning an iterator can be awaited inside a task.
import asyncio

class Answer:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return self.value * 2

async def main():
    print(await Answer(21))
    print(await Answer('ab'))

asyncio.run(main())
