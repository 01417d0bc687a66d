# typing together with dataclasses and abc: generic dataclasses, hints, protocols.
from dataclasses import dataclass, field
from typing import Generic, TypeVar, Optional, Protocol, get_type_hints, Iterator, ClassVar
from abc import ABC, abstractmethod
T = TypeVar('T')

@dataclass
class Node(Generic[T]):
    value: T
    children: "list[Node[T]]" = field(default_factory=list)
    count: ClassVar[int] = 0
    parent: "Optional[Node[T]]" = None

n = Node(1, [Node(2)])
print(n, Node[int], Node.__parameters__, Node.__annotations__)
print(get_type_hints(Node))

class Base(ABC, Generic[T]):
    @abstractmethod
    def get(self) -> T: ...
class Impl(Base[int]):
    def get(self) -> int:
        return 3
print(Impl().get(), Impl.__orig_bases__ if hasattr(Impl, '__orig_bases__') else None)
try:
    Base()
except TypeError as e:
    print(e)

class Greeter(Protocol):
    def greet(self) -> str: ...
@dataclass
class English:
    def greet(self) -> str:
        return 'hi'
def use(g: Greeter) -> str:
    return g.greet()
print(use(English()))

def gen() -> Iterator[int]:
    yield 1
print(get_type_hints(gen), list(gen()))
