# An exception in a done callback goes to the loop's exception handler; the
# other callbacks still run.
import asyncio

def handler(loop, context):
    print('handler:', repr(context['exception']))

def bad(fut):
    raise ZeroDivisionError('in done callback')

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    f = loop.create_future()
    f.add_done_callback(bad)
    f.add_done_callback(lambda fut: print('second callback'))
    f.set_result(1)
    await asyncio.sleep(0)
    print('end')

asyncio.run(main())
