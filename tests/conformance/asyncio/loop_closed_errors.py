# A closed loop refuses new work with "Event loop is closed".
import asyncio

async def job():
    pass

loop = asyncio.new_event_loop()
loop.close()
for what, call in (('call_soon', lambda: loop.call_soon(print)),
                   ('call_later', lambda: loop.call_later(1, print)),
                   ('run_forever', loop.run_forever)):
    try:
        call()
    except RuntimeError as e:
        print(what, 'RuntimeError:', e)
c = job()
try:
    loop.run_until_complete(c)
except RuntimeError as e:
    print('run_until_complete RuntimeError:', e)
c.close()
