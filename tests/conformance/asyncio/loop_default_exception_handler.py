# default_exception_handler logs the message, extra context keys, and the
# exception on stderr.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.default_exception_handler({'message': 'plain message'})
    loop.call_exception_handler({'message': 'with extra', 'detail': [1, 2]})
    loop.call_exception_handler({'message': 'with exception',
                                 'exception': ValueError('bad value')})
    print('done')

asyncio.run(main())
