# close() raises GeneratorExit at the suspension point; finally blocks run.
class Suspend:
    def __await__(self):
        yield

async def body():
    try:
        await Suspend()
    finally:
        print('finally ran')

c = body()
c.send(None)
c.close()
print('closed')
c.close()
print('second close is a no-op')
try:
    c.send(None)
except RuntimeError as e:
    print('RuntimeError:', e)

async def stubborn():
    try:
        await Suspend()
    except GeneratorExit:
        await Suspend()

s = stubborn()
s.send(None)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)
