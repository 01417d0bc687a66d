# Callable[[args], result]: __args__ is flattened, the repr keeps the list.
from collections.abc import Callable, Mapping, Iterable

a = Callable[[int, str], bool]
print(a, a.__args__, a.__origin__)
b = Callable[..., int]
print(b, b.__args__)
print(Callable[[], int], Callable[[], int].__args__)
print(Mapping[str, int], Iterable[int].__args__)
for bad in [int, (int,), ([int], str, bool)]:
    try:
        Callable[bad]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    Callable[int, str]
except TypeError as e:
    print(type(e).__name__, e)
