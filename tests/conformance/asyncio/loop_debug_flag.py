# get_debug/set_debug, and asyncio.run(debug=True).
import asyncio

async def check():
    return asyncio.get_running_loop().get_debug()

loop = asyncio.new_event_loop()
print(loop.get_debug())
loop.set_debug(True)
print(loop.get_debug())
loop.set_debug(False)
print(loop.get_debug())
loop.close()
print(asyncio.run(check(), debug=True))
print(asyncio.run(check(), debug=False))
