# A leftover task that fails while being cancelled at shutdown is reported
# through the loop's exception handler.
import asyncio

def handler(loop, context):
    print('handler:', context['message'])
    print('exception:', repr(context['exception']))

async def background():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        raise ValueError('failed during cancellation')

async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    asyncio.create_task(background())
    await asyncio.sleep(0)

asyncio.run(main())
print('run returned')
