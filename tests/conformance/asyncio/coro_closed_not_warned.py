# A coroutine closed explicitly before it started does not warn.
async def job():
    print('never printed')

c = job()
c.close()
del c
print('no warning')
