# Error messages name a built-in type of a module by its full name, as
# CPython's tp_name ('collections.deque'), a class by its short name.
import asyncio
import collections
import contextvars
import time


class Mine:
    pass


def show(f):
    try:
        f()
    except TypeError as e:
        print(e)


show(lambda: contextvars.Context()())
show(lambda: collections.deque() + 1)
show(lambda: len(contextvars.ContextVar("v")))
show(lambda: time.localtime() < 3)
show(lambda: Mine() + 1)
show(lambda: iter(Mine()))
loop = asyncio.new_event_loop()
handle = loop.call_soon(print)
show(lambda: handle())
show(lambda: loop())
show(lambda: loop.create_future()())
loop.close()
print(type(collections.deque()).__name__, type(contextvars.Context()).__name__)
