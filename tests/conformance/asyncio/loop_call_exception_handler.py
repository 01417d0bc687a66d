# call_exception_handler passes the context dict to the custom handler as is.
import asyncio

seen = []

def handler(loop, context):
    seen.append(context)

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_exception_handler({'message': 'hello', 'extra': 1})
    print(seen)
    try:
        loop.set_exception_handler(42)
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
