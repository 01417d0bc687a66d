# TypeVar, Generic classes and substitution.
from typing import TypeVar, Generic, List, Dict, Tuple, Callable, Union, Optional, Iterable

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')
Num = TypeVar('Num', int, float)
B = TypeVar('B', bound=Iterable)
Co = TypeVar('Co', covariant=True)
Contra = TypeVar('Contra', contravariant=True)
print(T, Num, B, Co, Contra, T.__name__, Num.__constraints__, B.__bound__, T.__bound__)
print(Co.__covariant__, Contra.__contravariant__, T.__covariant__, T == T, T == K)

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item

class Pair(Generic[K, V]):
    def __init__(self, k: K, v: V):
        self.k, self.v = k, v

class IntBox(Box[int]):
    pass

class Mapping2(Pair[str, V]):
    pass

print(Box[int], Pair[str, int], Box[List[int]], Pair[K, V], Box[T])
print(Box.__parameters__, Pair.__parameters__, IntBox.__parameters__, Mapping2.__parameters__)
print(Box(3).get(), Box[int](4).item, Pair('a', 1).v, IntBox(9).get(), Mapping2('k', 2).v)
print(IntBox.__mro__[1:], Box.__mro__)
print(Box[int] == Box[int], Box[int] == Box[str], Mapping2[int])
print(Box[int].__origin__ is Box, Box[int].__args__)

L = List[T]
D = Dict[K, V]
print(L[int], D[str, int], D[str, List[V]], D[str, List[V]][bytes], L.__parameters__)
U = Union[T, None]
print(U[int], Optional[T][str], Tuple[T, T][int], Callable[[T], K][int, str])
print(List[Tuple[K, V]][str, int])

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: TypeVar('X', int))
attempt(lambda: TypeVar('X', int, str, bound=int))
attempt(lambda: TypeVar('X', covariant=True, contravariant=True))
attempt(lambda: Box[int, str])
attempt(lambda: Generic[int])
attempt(lambda: Generic[T, T])
attempt(lambda: Generic[()])
attempt(lambda: L[int, str])
attempt(lambda: List[int][str])
def plain_generic():
    class X(Generic):
        pass
attempt(plain_generic)
def unlisted():
    class X(Generic[T], Dict[K, V]):
        pass
attempt(unlisted)
class Multi(Dict[K, V], Generic[K, V]):
    pass
print(Multi.__parameters__, Multi[str, int], Multi(a=1))
