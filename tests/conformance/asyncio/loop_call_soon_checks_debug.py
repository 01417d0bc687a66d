# In debug mode call_soon/call_later/call_at check their callback at once:
# non-callables and coroutine functions/objects are refused with TypeError.
import asyncio

async def job():
    pass

async def main():
    loop = asyncio.get_running_loop()
    for name, call in (('call_soon', lambda f: loop.call_soon(f)),
                       ('call_later', lambda f: loop.call_later(0.01, f)),
                       ('call_at', lambda f: loop.call_at(loop.time(), f))):
        try:
            call(1)
        except TypeError as e:
            print(name, 'TypeError:', e)
    try:
        loop.call_soon(job)
    except TypeError as e:
        print('TypeError:', e)
    c = job()
    try:
        loop.call_soon(c)
    except TypeError as e:
        print('TypeError:', e)
    c.close()

asyncio.run(main(), debug=True)
