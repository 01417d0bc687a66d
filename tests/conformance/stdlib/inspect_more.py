# inspect with partials, wraps, metaclasses, dataclasses and enums; getcallargs; dir() of enums.
import inspect, functools, enum, dataclasses, abc
def f(a, b, *, c=3, **kw): pass
p = functools.partial(f, 1, c=5)
print(inspect.signature(p))
print(inspect.signature(functools.partial(f, b=2)))
class Color(enum.Enum):
    RED = 1
@dataclasses.dataclass
class D:
    x: int
    y: str = 'a'
print(inspect.signature(D))
class A(abc.ABC):
    @abc.abstractmethod
    def m(self): ...
print(inspect.isabstract(A), inspect.isabstract(int))
@functools.wraps(f)
def w(*args, **kwargs):
    return f(*args, **kwargs)
print(inspect.signature(w), inspect.unwrap(w) is f)
class M(type):
    def __call__(cls, q, r=1): pass
class WithMeta(metaclass=M): pass
print(inspect.signature(WithMeta))
print(inspect.iscoroutinefunction(functools.partial(f)), inspect.getdoc(D))
async def co(x): pass
print(inspect.iscoroutinefunction(functools.partial(co, 1)))
print([name for name, _ in inspect.getmembers(Color) if not name.startswith('_')])
print(dir(Color), dir(Color.RED))
class IE(enum.IntEnum):
    A = 1
    def meth(self): pass
print(len(dir(IE)) > 20, [n for n in dir(IE.A) if not n.startswith('__')])
def g(a, b=2, *rest, k=1, **kw): pass
print(inspect.getcallargs(g, 1, 2, 3, z=4))
