# A done callback that raises runs once; its error goes to the exception
# handler, and the callbacks after it still run.
import asyncio


def handler(loop, context):
    print("handler:", context["message"].split(" at ")[0], repr(context["exception"]))


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    fut = loop.create_future()

    def failing(f):
        print("failing callback runs")
        1 / 0

    fut.add_done_callback(failing)
    fut.add_done_callback(lambda f: print("next callback runs", f.result()))
    fut.set_result(1)
    await asyncio.sleep(0)
    await asyncio.sleep(0)


asyncio.run(main())
