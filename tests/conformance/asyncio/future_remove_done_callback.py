# remove_done_callback removes every registration of the callback and
# returns how many it removed.
import asyncio

def cb1(f):
    print('cb1')

def cb2(f):
    print('cb2')

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(cb1)
    f.add_done_callback(cb2)
    f.add_done_callback(cb1)
    print(f.remove_done_callback(cb1))
    print(f.remove_done_callback(cb1))
    f.set_result(None)
    await asyncio.sleep(0)
    print(f.remove_done_callback(cb2))

asyncio.run(main())
