# Without debug mode a non-callable is accepted by call_soon and only fails
# when the loop calls it; the error goes to the exception handler and the
# loop carries on.
import asyncio

def handler(loop, context):
    print('handler:', repr(context['exception']))

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(1)
    loop.call_soon(print, 'next callback')
    await asyncio.sleep(0)
    print('main continues')

asyncio.run(main())
