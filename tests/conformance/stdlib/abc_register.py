from abc import ABC, ABCMeta, get_cache_token


class Drawable(ABC):
    pass

class Circle:
    pass

tok = get_cache_token()
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
r = Drawable.register(Circle)
print(r is Circle, get_cache_token() != tok)
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))

class SubCircle(Circle):
    pass
print(issubclass(SubCircle, Drawable), isinstance(SubCircle(), Drawable))
print(Drawable in Circle.__mro__)

# decorator form
@Drawable.register
class Square:
    pass
print(Square.__name__, issubclass(Square, Drawable))

# builtins
Drawable.register(int)
print(isinstance(3, Drawable), isinstance(True, Drawable), isinstance('x', Drawable))

# registering twice, or a real subclass, is fine
print(Drawable.register(Circle) is Circle)
class Real(Drawable): pass
print(Drawable.register(Real) is Real)

# errors
try:
    Drawable.register(3)
except TypeError as e:
    print(type(e).__name__, e)

class Base(ABC): pass
class Derived(Base): pass
try:
    Derived.register(Base)
except RuntimeError as e:
    print(type(e).__name__, e)

try:
    issubclass(3, Drawable)
except TypeError as e:
    print(type(e).__name__, e)

# registration through an intermediate ABC
class A(ABC): pass
class B(A): pass
class Plain: pass
B.register(Plain)
print(issubclass(Plain, A), issubclass(Plain, B))

# __subclasshook__
class Quacks(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Quacks:
            return hasattr(C, 'quack')
        return NotImplemented

class Duck:
    def quack(self): pass
class Dog:
    pass
print(isinstance(Duck(), Quacks), isinstance(Dog(), Quacks), issubclass(Duck, Quacks))
class LoudQuacks(Quacks): pass
print(issubclass(Duck, LoudQuacks))

# a metaclass derived from ABCMeta
class MyMeta(ABCMeta):
    pass
class WithMy(metaclass=MyMeta):
    pass
WithMy.register(float)
print(isinstance(1.5, WithMy), type(WithMy).__name__)

# the state lives in _abc_impl; the debug helpers clear it
import abc
class Cleared(abc.ABC):
    @abc.abstractmethod
    def f(self): ...
print(sorted(k for k in vars(Cleared) if not k.startswith('__')), sorted(vars(abc.ABC)))
Cleared.register(int)
print(isinstance(1, Cleared))
Cleared._abc_registry_clear()
Cleared._abc_caches_clear()
print(isinstance(1, Cleared))
