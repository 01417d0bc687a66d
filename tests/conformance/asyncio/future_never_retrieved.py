# A future whose exception is never retrieved reports it on stderr when it
# is destroyed.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(ValueError('nobody looked'))
    del f
    print('future dropped')

asyncio.run(main())
print('end')
