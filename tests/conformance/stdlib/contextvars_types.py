# The contextvars types: names, reprs, subclassing, generic aliases.
import contextvars
import re


def masked(text):
    return re.sub(r"0x[0-9a-fA-F]+", "0x...", text)


print(contextvars.__all__)
for t in (contextvars.Context, contextvars.ContextVar, contextvars.Token):
    print(t.__name__, t.__module__, t.__qualname__)
print(type(contextvars.Token.MISSING).__name__)

var = contextvars.ContextVar("var")
print(masked(repr(var)))
print(masked(repr(contextvars.ContextVar("d", default=[1, "two"]))))
print(masked(repr(contextvars.ContextVar("n", default=None))))
token = var.set(1)
print(masked(repr(token)))
var.reset(token)
print(masked(repr(token)))
print(masked(repr(contextvars.Context())))
print(repr(contextvars.Token.MISSING))
print(repr(contextvars.copy_context))

print(contextvars.ContextVar[int])
print(contextvars.Token[str])
for base in (contextvars.Context, contextvars.ContextVar, contextvars.Token):
    try:
        class Sub(base):
            pass
    except TypeError:
        print("TypeError:", base.__name__, "is not subclassable")

print(isinstance(contextvars.copy_context(), contextvars.Context))
print(type(iter(contextvars.Context())).__name__)
ctx = contextvars.copy_context()
print(type(ctx.keys()).__name__, type(ctx.values()).__name__, type(ctx.items()).__name__)

import weakref
print(weakref.ref(ctx)() is ctx)
try:
    weakref.ref(var)
except TypeError:
    print("TypeError: ContextVar is not weakly referenceable")
print(contextvars.Context.run.__name__, contextvars.ContextVar.get.__qualname__)
