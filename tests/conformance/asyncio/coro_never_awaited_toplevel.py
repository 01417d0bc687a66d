# The warning also comes for a coroutine dropped at module level, at the
# moment its last reference goes.
async def job():
    pass

c = job()
print('created')
del c
print('deleted')
