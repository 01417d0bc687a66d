# A task created just before main returns still runs its first step (in the
# same loop iteration that stops the loop) before asyncio.run cancels it.
import asyncio

async def late():
    print('late task: first step')
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('late task: cancelled at shutdown')
        raise

async def main():
    holder.append(asyncio.create_task(late()))
    print('main returns')
    return 'main done'

holder = []
print(asyncio.run(main()))
print(holder[0].cancelled())
