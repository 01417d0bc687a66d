# IncompleteReadError carries partial and expected and formats a message.
import asyncio

e = asyncio.IncompleteReadError(b'abc', 10)
print(e.partial, e.expected)
print(str(e))
print(repr(e))
print(isinstance(e, EOFError))
e2 = asyncio.IncompleteReadError(b'', None)
print(str(e2))
print(e.__reduce__())
