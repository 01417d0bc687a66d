from typing import List, Dict, Optional, Union, get_origin, get_args, TypeVar, Generic, TYPE_CHECKING
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Optional[int]), get_args(Optional[int]))
print(List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[int, None])
T = TypeVar('T')
print(T, T.__name__, TYPE_CHECKING)
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
print(Box[int], Box(5).item, Box.__parameters__)
def annotated(x: List[int], y: 'Optional[str]' = None) -> Dict[str, int]:
    return {}
print(annotated.__annotations__)
print(int | None, list[int] | None)
