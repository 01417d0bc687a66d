# __subclasshook__ reads each class's own namespace: None opts out, and
# __eq__ without __hash__ makes a class unhashable, ABC subclasses included.
from collections.abc import Hashable, Iterable, Sized, Sequence, Mapping
from collections import UserDict, UserList, UserString, OrderedDict, Counter, ChainMap, deque
from abc import ABC, abstractmethod, update_abstractmethods


class Seq(Sequence):
    def __getitem__(self, i):
        raise IndexError
    def __len__(self):
        return 0

class EqSeq(Seq):
    def __eq__(self, other):
        return True

class NoLen(Seq):
    __len__ = None

print(isinstance(Seq(), Hashable), isinstance(EqSeq(), Hashable), issubclass(NoLen, Sized))
for obj in [UserDict(), UserList(), UserString(''), OrderedDict(), Counter(), ChainMap(), deque(), (), frozenset()]:
    print(type(obj).__name__, isinstance(obj, Hashable), isinstance(obj, Iterable), isinstance(obj, Sized))


class Base(ABC):
    @abstractmethod
    def run(self): ...
    @abstractmethod
    def stop(self): ...

class Impl(Base):
    def run(self):
        return 1

print(sorted(Impl.__abstractmethods__))
Impl.stop = lambda self: 2
Impl.extra = abstractmethod(lambda self: 3)
update_abstractmethods(Impl)
print(sorted(Impl.__abstractmethods__))
print(sorted(k for k in vars(Impl) if not k.startswith('__')))
