# Substituting type variables inside builtin generics (list[T], int | T) nested in typing aliases.
from typing import TypeVar, List, Dict, Tuple, Callable, Union, Optional, Generic
T = TypeVar('T'); K = TypeVar('K')
print(List[list[T]][int], Dict[K, dict[str, T]][int, bytes], List[list[T]].__parameters__)
print(Union[int, list[T]][str], Optional[dict[K, T]][int, str], Callable[[list[T]], T][int])
print(List[int | T][str], Tuple[T, int | list[T]][bytes])
class Box(Generic[T]):
    pass
print(Box[list[T]][int], Box[int | T][str])
