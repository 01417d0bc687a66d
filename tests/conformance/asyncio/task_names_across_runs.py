# The Task-N counter is global: it keeps counting across asyncio.run calls
# and across loops, including the tasks asyncio.run makes for its own
# shutdown steps.
import asyncio

async def name():
    return asyncio.current_task().get_name()

print(asyncio.run(name()))
print(asyncio.run(name()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(name()))
print(loop.run_until_complete(name()))
loop.close()
print(asyncio.run(name()))
