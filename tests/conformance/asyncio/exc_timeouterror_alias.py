# In 3.11 asyncio.TimeoutError is the builtin TimeoutError.
import asyncio

print(asyncio.TimeoutError is TimeoutError)
print(issubclass(asyncio.TimeoutError, OSError))
try:
    raise asyncio.TimeoutError('x')
except TimeoutError as e:
    print('caught as builtin', repr(e))
