# sys.getsizeof: CPython's sizes for the common built-in values, the
# collector's header for containers, __sizeof__ of classes, the default
# argument and the errors.
import sys

for value in [0, 1, -1, 2**30 - 1, 2**30, 2**60, 2**100, -2**100, True, 1.5, 1j, None,
              "", "a", "abc" * 10, "é", "€", "😀", b"", b"abc", bytearray(b"ab"),
              (), (1, 2), (1, 2, 3, 4, 5), [], {}, {1: 2}, {"a": 1, "b": 2},
              {i: i for i in range(10)}, set(), {1, 2, 3}, frozenset(), range(3)]:
    print(type(value).__name__, repr(value)[:24], sys.getsizeof(value), value.__sizeof__())

print(sys.getsizeof(object()), object().__sizeof__())


class Sized:
    def __sizeof__(self):
        return 10


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "x"


class Raises:
    def __sizeof__(self):
        raise TypeError("no size")


print(sys.getsizeof(Sized()))
print(sys.getsizeof(Raises(), 99), sys.getsizeof(NotInt(), 7))
for obj in [Negative(), NotInt(), Raises()]:
    try:
        sys.getsizeof(obj)
    except Exception as e:
        print(type(e).__name__, e)
try:
    sys.getsizeof()
except TypeError as e:
    print(e)
