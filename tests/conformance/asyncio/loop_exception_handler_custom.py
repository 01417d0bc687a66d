# set_exception_handler installs a handler called with (loop, context) for
# exceptions in callbacks; get_exception_handler returns it.
import asyncio

def handler(loop, context):
    message = context['message']
    print('handler got:', message.split(' at ')[0], 'line', message.rsplit(':', 1)[1])
    print('exception:', repr(context['exception']))
    print('keys:', sorted(context))

def boom():
    raise ValueError('in callback')

async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_exception_handler())
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    loop.call_soon(boom)
    loop.call_soon(print, 'next callback still runs')
    await asyncio.sleep(0.001)
    loop.set_exception_handler(None)
    print(loop.get_exception_handler())

asyncio.run(main())
