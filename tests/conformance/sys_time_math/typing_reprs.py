from typing import List, Optional, Dict, Union, Tuple, Callable, Any, Set, FrozenSet, Iterable, Sequence, Type
print(List[int])
print(Optional[str])
print(Dict[str, int])
print(Union[int, str], Union[int, None], Union[int])
print(Tuple[int, ...], Tuple[()], Tuple[int, str])
print(Callable[[int, str], bool], Callable[..., None])
print(Any, Set[bytes], FrozenSet[int], Iterable[float], Sequence[List[int]], Type[int])
print(Optional[Dict[str, List[int]]])
