# Coroutine objects expose __name__, __qualname__, cr_running and cr_await
# (the coroutine or future they are suspended on, None when finished).
import asyncio

async def deeper(fut):
    return await fut

async def inner(fut):
    return await deeper(fut)

class Holder:
    async def method(self):
        pass

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    c = inner(fut)
    print(c.__name__, c.__qualname__, c.cr_running, c.cr_await)
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    print(c.cr_running, type(c.cr_await).__name__, c.cr_await.__name__)
    fut.set_result('r')
    print(await t)
    print(c.cr_await, c.cr_running)
    m = Holder().method()
    print(m.__name__, m.__qualname__)
    m.close()

asyncio.run(main())
