from abc import ABC, ABCMeta, abstractmethod, abstractproperty, get_cache_token, update_abstractmethods
import abc


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @abstractmethod
    def perimeter(self): ...

    def describe(self):
        return f"{type(self).__name__} area={self.area()}"


print(sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, 'abstract' in str(e))


class Half(Shape):
    def area(self):
        return 1

print(sorted(Half.__abstractmethods__))
try:
    Half()
except TypeError as e:
    print(type(e).__name__, 'abstract' in str(e))


class Square(Half):
    def perimeter(self):
        return 4

s = Square()
print(s.describe(), Square.__abstractmethods__)
print(isinstance(s, Shape), issubclass(Square, Shape), issubclass(int, Shape))
print(type(Shape) is ABCMeta, isinstance(Shape, ABCMeta))
print(getattr(Shape.area, '__isabstractmethod__', None), hasattr(Square.area, '__isabstractmethod__'))


class WithProps(ABC):
    @property
    @abstractmethod
    def value(self): ...

    @classmethod
    @abstractmethod
    def make(cls): ...

    @staticmethod
    @abstractmethod
    def helper(): ...

    @abstractproperty
    def old(self): ...

print(sorted(WithProps.__abstractmethods__))


class Meta(metaclass=ABCMeta):
    @abstractmethod
    def run(self): ...

class Impl(Meta):
    def run(self):
        return 'ran'
print(Impl().run())


# update_abstractmethods after a class is patched
class Later(ABC):
    @abstractmethod
    def go(self): ...

class LaterImpl(Later):
    pass
print(sorted(LaterImpl.__abstractmethods__))
LaterImpl.go = lambda self: 'go'
update_abstractmethods(LaterImpl)
print(LaterImpl.__abstractmethods__, LaterImpl().go())
print(update_abstractmethods(int) is int)
print(type(get_cache_token()).__name__)
print(ABC.__slots__, abc.ABC.__name__)
