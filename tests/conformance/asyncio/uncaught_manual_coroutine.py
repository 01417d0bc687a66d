# A coroutine driven by hand at module level raises out of send(); the
# traceback runs from the module into the coroutines.
class Suspend:
    def __await__(self):
        yield

async def inner(x):
    await Suspend()
    return 1 / x

async def outer():
    return await inner(0)

c = outer()
c.send(None)
print('suspended once')
c.send(None)
