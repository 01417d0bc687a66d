# QueueEmpty and QueueFull are plain Exceptions.
import asyncio

print(asyncio.QueueEmpty.__mro__)
print(asyncio.QueueFull.__mro__)
print(asyncio.QueueEmpty.__module__, asyncio.QueueFull.__module__)
