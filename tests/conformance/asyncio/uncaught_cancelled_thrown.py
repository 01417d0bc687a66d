# A CancelledError thrown into a coroutine by hand and not caught escapes the
# program; the traceback names the class asyncio.exceptions.CancelledError.
import asyncio

class Suspend:
    def __await__(self):
        yield

async def job():
    await Suspend()

c = job()
c.send(None)
c.throw(asyncio.CancelledError('stop'))
