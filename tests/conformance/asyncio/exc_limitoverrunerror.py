# LimitOverrunError carries consumed.
import asyncio

e = asyncio.LimitOverrunError('Separator is not found', 42)
print(e.consumed, e.args)
print(str(e))
print(asyncio.LimitOverrunError.__mro__)
print(e.__reduce__())
