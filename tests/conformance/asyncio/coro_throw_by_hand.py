# throw() raises the exception at the suspension point; the coroutine may
# catch it and continue, or let it propagate.
class Suspend:
    def __await__(self):
        yield 'point'

async def body():
    try:
        await Suspend()
    except ValueError as e:
        print('caught', repr(e))
    await Suspend()
    return 'done'

c = body()
print(c.send(None))
print(c.throw(ValueError('boom')))
try:
    c.throw(KeyError('k'))
except KeyError as e:
    print('propagated', repr(e))
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)
