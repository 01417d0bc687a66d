# Protocol, runtime_checkable, get_type_hints, NewType, overload and friends.
from typing import (Protocol, runtime_checkable, SupportsInt, SupportsFloat, SupportsIndex,
                    SupportsAbs, get_type_hints, NewType, overload, cast, no_type_check, final,
                    Optional, List, Dict, ClassVar, Annotated, IO, TextIO, BinaryIO, TypeVar,
                    assert_never, get_overloads, Union, ForwardRef, Any)

@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...

class Quacks(Protocol):
    def quack(self) -> str: ...

class Door:
    def close(self):
        return 'closed'

class Duck:
    def quack(self):
        return 'quack'

class ExplicitDuck(Quacks):
    def quack(self):
        return 'QUACK'

print(isinstance(Door(), Closer), isinstance(3, Closer), issubclass(Door, Closer))
print(ExplicitDuck().quack(), isinstance(ExplicitDuck(), ExplicitDuck))
print(isinstance(3, SupportsInt), isinstance('x', SupportsInt), isinstance(2.5, SupportsFloat),
      isinstance(3, SupportsIndex), isinstance(-1, SupportsAbs))
def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: isinstance(Duck(), Quacks))
attempt(lambda: Quacks())
attempt(lambda: runtime_checkable(Door))

T = TypeVar('T')
class Node:
    value: int
    next: 'Optional[Node]'
    tags: ClassVar[List[str]] = []
    meta: Annotated[int, 'units']

class Child(Node):
    extra: Dict[str, 'Node']

def f(a: int, b: 'List[int]', c: None = None, *args: str, d: 'Node' = None, **kw: float) -> 'Dict[str, int]':
    pass

print(get_type_hints(f))
print(get_type_hints(Node))
print(get_type_hints(Child))
print(get_type_hints(Node, include_extras=True)['meta'])
print(get_type_hints(len), get_type_hints(lambda: 0))

UserId = NewType('UserId', int)
print(UserId, UserId(5), type(UserId(5)), UserId.__supertype__, UserId.__name__)
def subclass_newtype():
    class Admin(UserId):
        pass
attempt(subclass_newtype)

@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x):
    return x * 2
print(g(2), g('ab'), len(get_overloads(g)))
attempt(lambda: overload(lambda x: x)(1))
print(cast(List[int], 'x'), cast('int', 5))

@no_type_check
def untyped(x: 'not a type') -> 'nope':
    return x
print(untyped(3), untyped.__no_type_check__)

@final
class Leaf:
    pass
print(Leaf.__final__)
print(IO, TextIO, BinaryIO, IO[str], TextIO.__mro__[1:])
attempt(lambda: assert_never(3))
print(ForwardRef('int'), ForwardRef('x') == ForwardRef('x'), Union['int', None])
class Sub(Any):
    pass
print(Sub.__mro__[1:] and 'subclassed Any')
