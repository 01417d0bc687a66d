# The wording of the error raised when instantiating an abstract class.
from abc import ABC, abstractmethod


class Two(ABC):
    @abstractmethod
    def b(self): ...

    @abstractmethod
    def a(self): ...


class One(ABC):
    @abstractmethod
    def only(self): ...


for cls in (Two, One):
    try:
        cls()
    except TypeError as e:
        print(type(e).__name__, e)
