# Stopping the loop before run_until_complete's future is done raises.
import asyncio

async def main():
    asyncio.get_running_loop().stop()
    await asyncio.sleep(0.01)
    print('finishes later')

loop = asyncio.new_event_loop()
task = loop.create_task(main())
try:
    loop.run_until_complete(task)
except RuntimeError as e:
    print('RuntimeError:', e)
print(task.done())
loop.run_until_complete(task)
print(task.done())
loop.close()
