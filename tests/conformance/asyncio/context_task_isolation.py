# Each task runs in its own copy of the context: what one sets, no other
# task and not the caller sees.
import asyncio
import contextvars

request = contextvars.ContextVar("request", default="none")
log = []


async def handler(name, delay):
    request.set(name)
    await asyncio.sleep(delay)
    log.append((name, request.get()))
    await asyncio.sleep(0)
    return request.get()


async def main():
    request.set("main")
    results = await asyncio.gather(
        handler("a", 0.03), handler("b", 0.01), handler("c", 0.02)
    )
    print(results)
    print(log)
    print("main still sees", request.get())
    task = asyncio.create_task(handler("d", 0))
    print("before the task runs:", request.get())
    print(await task, request.get())


asyncio.run(main())
print("after run:", request.get())
