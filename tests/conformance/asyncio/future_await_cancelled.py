# Awaiting a future that gets cancelled raises CancelledError with its message.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_soon(f.cancel, 'by callback')
    try:
        await f
    except asyncio.CancelledError as e:
        print('CancelledError', e.args)
    print(asyncio.current_task().cancelled())
    print('main still running')

asyncio.run(main())
