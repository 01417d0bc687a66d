# InvalidStateError is an Exception raised by futures in the wrong state.
import asyncio

print(asyncio.InvalidStateError.__mro__)
print(asyncio.InvalidStateError.__module__)
print(repr(asyncio.InvalidStateError('msg')))
