# inspect.signature: str(), parameters and kinds, bind and bind_partial.
import inspect
from inspect import Signature, Parameter
from typing import List, Optional

def f(a, b: int, c=1, d: str = 'x', *args, e, g: float = 2.0, **kwargs) -> List[int]:
    pass
def posonly(a, b, /, c, *, d):
    pass
def simple():
    pass
def star(*, only):
    pass
def defaults(x=None, y=[1, 2], z=(), w={'k': 1}):
    pass
class Klass:
    def __init__(self, x, y=0):
        pass
    def method(self, p, q: 'Klass' = None) -> 'Klass':
        pass
    @classmethod
    def cm(cls, z):
        pass
    @staticmethod
    def sm(w):
        pass
    def __call__(self, n):
        pass
class WithNew:
    def __new__(cls, n, *rest):
        return super().__new__(cls)
class NoInit:
    pass

for obj in (f, posonly, simple, star, defaults, Klass, Klass.method, Klass(1).method, Klass.cm,
            Klass.sm, Klass(1), WithNew, NoInit, lambda x, *y: 0):
    print(inspect.signature(obj))
sig = inspect.signature(f)
print(repr(sig), list(sig.parameters), sig.return_annotation)
for p in sig.parameters.values():
    print(repr(p), p.name, p.kind, int(p.kind), p.kind.description, p.default is p.empty,
          p.annotation)
print(sig.parameters['b'].annotation, Parameter.empty, Signature.empty is inspect._empty)
print(sig.parameters)

def attempt(fn):
    try:
        print(fn())
    except Exception as e:
        print(type(e).__name__, e)

ba = sig.bind(1, 2, 3, 'y', 'extra', e=5, z=9)
print(ba, ba.args, ba.kwargs, ba.arguments)
ba.apply_defaults()
print(ba)
attempt(lambda: sig.bind(1))
attempt(lambda: sig.bind(1, 2))
attempt(lambda: sig.bind(1, 2, e=1, b=3))
attempt(lambda: inspect.signature(simple).bind(1))
attempt(lambda: inspect.signature(simple).bind(x=1))
attempt(lambda: inspect.signature(posonly).bind(1, b=2, c=3, d=4))
attempt(lambda: inspect.signature(posonly).bind(1, 2, 3, 4))
print(inspect.signature(posonly).bind_partial(1), inspect.signature(f).bind_partial(e=1))
print(inspect.signature(posonly).bind(1, 2, 3, d=4).args, inspect.signature(posonly).bind(1, 2, c=3, d=4).kwargs)

params = [Parameter('x', Parameter.POSITIONAL_ONLY), Parameter('y', Parameter.POSITIONAL_OR_KEYWORD, default=3),
          Parameter('rest', Parameter.VAR_POSITIONAL), Parameter('k', Parameter.KEYWORD_ONLY, annotation=int)]
custom = Signature(params, return_annotation=bool)
print(custom, custom.replace(return_annotation=Signature.empty), custom == Signature(params, return_annotation=bool))
print(params[1].replace(name='yy', default=Parameter.empty), params[0] == Parameter('x', Parameter.POSITIONAL_ONLY))
attempt(lambda: Signature([params[1], params[0]]))
attempt(lambda: Parameter('1x', Parameter.KEYWORD_ONLY))
attempt(lambda: Parameter('v', Parameter.VAR_POSITIONAL, default=1))
attempt(lambda: Signature([params[0], params[0]]))
def custom_sig():
    pass
custom_sig.__signature__ = custom
print(inspect.signature(custom_sig))
def wrapper(*args, **kwargs):
    pass
wrapper.__wrapped__ = f
print(inspect.signature(wrapper), inspect.signature(wrapper, follow_wrapped=False))
attempt(lambda: inspect.signature(5))
print(inspect.getfullargspec(f))
print(str(Parameter.KEYWORD_ONLY), Parameter.KEYWORD_ONLY > Parameter.POSITIONAL_ONLY)
