# Reprs, equality and introspection of the typing aliases.
import typing
from typing import (Any, Optional, Union, List, Dict, Set, FrozenSet, Tuple, Type, Callable,
                    Iterable, Iterator, Generator, AsyncIterator, AsyncGenerator, Awaitable,
                    Coroutine, Sequence, Mapping, MutableMapping, Literal, Final, ClassVar,
                    Annotated, Hashable, Sized, Deque, DefaultDict, get_origin, get_args,
                    NoReturn, Never, Self, TypeAlias, LiteralString, Concatenate, ParamSpec,
                    TypeVar, AnyStr, Text)

for t in (List, Dict, Iterable, Callable, Tuple, Hashable, Sized, Any, NoReturn, Never, Self,
          TypeAlias, LiteralString, Union, Optional, Literal, Final, ClassVar, Deque, DefaultDict):
    print(t)
print(Generator[int, None, None], AsyncIterator[bytes], AsyncGenerator[int, None])
print(Awaitable[int], Coroutine[Any, Any, str], Mapping[str, Any], MutableMapping[str, int])
print(Literal[1, 'a', None, True], Literal[Literal[1, 2], 3], Annotated[int, 'meta', 5])
print(Union[int, Union[str, bytes]], Union[int, str, int], Union[None, int], Optional[None])
print(Optional[Union[int, str]], Union[int, None, str], Union[List[int], None])
print(Callable[[], int], Callable[[int], List[str]], Tuple[int], Type[Any], Iterator[Tuple[int, str]])
print(Dict[str, 'Foo'], List['int'], Union['A', int])
print(List[int] | None, int | List[str], Optional[int] | str, Literal['x'] | None)
print(Union[int, str] == Union[str, int], Union[int, str] == int | str, List[int] != List[str])
print(Literal[1, 2] == Literal[2, 1], Literal[1] == Literal[True], hash(List[int]) == hash(List[int]))
print(Tuple[int, ...] == Tuple[int, ...], Callable[[int], str] == Callable[[int], str])
print(get_origin(Callable[[int], str]), get_args(Callable[[int], str]), get_args(Callable[..., int]))
print(get_origin(Literal[1]), get_args(Literal[1, 'a']), get_origin(Annotated[int, 'x']),
      get_args(Annotated[int, 'x']), get_origin(int), get_args(int), get_origin(ClassVar[int]))
print(get_origin(list[int]), get_args(dict[str, int]), get_origin(int | str), get_args(int | str))
print(get_origin(Tuple[int, ...]), get_args(Tuple[int, ...]), get_args(Tuple[()]))
print(get_origin(Generator[int, None, None]), get_origin(Iterable[int]), get_origin(Sequence))
print(Annotated[int, 'a'].__metadata__, Annotated[Annotated[int, 'a'], 'b'], Text, AnyStr)
print(isinstance([], List), isinstance({}, Dict), isinstance((), Tuple), issubclass(list, List))
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance(5, Hashable), isinstance([], Sized))
print(isinstance(len, Callable), isinstance(3, Callable), Dict[str, int] == Dict[str, int])
print(List[int].__origin__, List[int].__args__, Dict[str, int].__parameters__, typing.TYPE_CHECKING)

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: List[int, str])
attempt(lambda: Dict[int])
attempt(lambda: Union[()])
attempt(lambda: Optional[int, str])
attempt(lambda: ClassVar[int, str])
attempt(lambda: isinstance(3, Union))
attempt(lambda: isinstance(3, Any))
attempt(lambda: isinstance([], List[int]))
attempt(lambda: Any())
attempt(lambda: Union())
attempt(lambda: List())
attempt(lambda: Callable[int])
attempt(lambda: Annotated[int])
attempt(lambda: NoReturn[int])
attempt(lambda: List[3])
print(isinstance(3, Union[int, str]), isinstance(3.0, Optional[int]))
P = ParamSpec('P')
print(Callable[P, int], Callable[Concatenate[int, P], int], P.args, P.kwargs, get_origin(P.args) is P)
