# is_running() is true inside callbacks and coroutines, false afterwards.
import asyncio

loop = asyncio.new_event_loop()
loop.call_soon(lambda: print('in callback', loop.is_running()))

async def main():
    print('in coroutine', loop.is_running())

loop.run_until_complete(main())
print('outside', loop.is_running())
loop.close()
print(loop.is_running(), loop.is_closed())
loop.close()
print('closing twice is fine')
