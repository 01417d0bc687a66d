# Driving a coroutine by hand with send(): it suspends at a yield inside an
# awaitable and finishes with StopIteration carrying the return value.
class Suspend:
    def __await__(self):
        got = yield 'suspended'
        return got

async def body():
    print('start')
    x = await Suspend()
    print('resumed with', x)
    y = await Suspend()
    print('resumed with', y)
    return x + y

c = body()
print(c.send(None))
print(c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print('StopIteration', e.value)
