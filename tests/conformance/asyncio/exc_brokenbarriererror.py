# BrokenBarrierError is a RuntimeError.
import asyncio

print(asyncio.BrokenBarrierError.__mro__)
try:
    raise asyncio.BrokenBarrierError('broken')
except RuntimeError as e:
    print('caught as RuntimeError', repr(e))
