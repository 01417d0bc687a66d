# A Runner runs several coroutines on one loop.
import asyncio

async def which_loop():
    return asyncio.get_running_loop()

runner = asyncio.Runner()
l1 = runner.run(which_loop())
l2 = runner.run(which_loop())
print(l1 is l2, l1 is runner.get_loop(), l1.is_closed())
runner.close()
print(l1.is_closed())
