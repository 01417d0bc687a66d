import collections.abc as cabc
from collections.abc import *

samples = [[], (), '', b'', bytearray(), {}, set(), frozenset(), range(0), iter([]), (x for x in ()),
           {}.keys(), {}.values(), {}.items(), 3, 2.5, None, len, int, reversed([]), zip(), map(len, [])]
names = ['Iterable', 'Iterator', 'Generator', 'Reversible', 'Sized', 'Container', 'Collection',
         'Callable', 'Hashable', 'Sequence', 'MutableSequence', 'ByteString', 'Set', 'MutableSet',
         'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView',
         'Awaitable', 'Coroutine', 'AsyncIterable', 'AsyncIterator', 'AsyncGenerator']
for name in names:
    abc = getattr(cabc, name)
    print(name.ljust(16), ''.join('1' if isinstance(s, abc) else '.' for s in samples))

async def coro():
    pass
c = coro()
print(isinstance(c, Coroutine), isinstance(c, Awaitable))
c.close()
async def agen():
    yield 1
print(isinstance(agen(), AsyncGenerator), isinstance(agen(), AsyncIterator))
print(issubclass(list, Sequence), issubclass(dict, Mapping), issubclass(str, MutableSequence),
      issubclass(bytes, ByteString), issubclass(memoryview, Sequence))
print(Sequence.__module__, repr(Mapping), Iterable[int], Callable, cabc.__name__)
print(sorted(cabc.__all__))
from collections import deque
print(isinstance(deque(), MutableSequence), isinstance(deque(), Hashable))
