# Which classes have __class_getitem__: the generic built-ins, not every
# class through type (type[int] is special-cased, as in CPython).
import builtins, collections, asyncio, re, queue, contextvars
names = sorted(n for n in dir(builtins) if isinstance(getattr(builtins, n), type))
print([n for n in names if hasattr(getattr(builtins, n), '__class_getitem__')])
print([t.__name__ for t in (collections.deque, collections.OrderedDict, collections.defaultdict, collections.Counter, asyncio.Future, asyncio.Task, asyncio.Queue, re.Pattern, re.Match, queue.Queue, contextvars.ContextVar, type(None)) if hasattr(t, '__class_getitem__')])
print(type[int], list[int], hasattr(int, '__class_getitem__'))
class M(type): pass
class C(metaclass=M): pass
for t in (M, C, int, type(None)):
    try: print(t[int])
    except TypeError as e: print(e)
