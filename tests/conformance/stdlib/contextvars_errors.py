# contextvars' errors, with CPython's messages (addresses masked).
import contextvars
import re


def show(f, /, *args, **kwargs):
    try:
        result = f(*args, **kwargs)
    except Exception as e:
        text = re.sub(r"0x[0-9a-fA-F]+", "0x...", str(e))
        print(f"{type(e).__name__}: {text}")
    else:
        print("ok:", result)


var = contextvars.ContextVar("var", default=0)
other = contextvars.ContextVar("other")

# Tokens: used twice, for another var, from another context, not a token.
token = var.set(1)
var.reset(token)
show(var.reset, token)
token = var.set(2)
show(other.reset, token)
show(var.reset, 1)
ctx = contextvars.copy_context()
foreign = ctx.run(var.set, 3)
show(var.reset, foreign)
show(ctx.run, var.reset, foreign)
show(contextvars.Token)

# Entering a context twice.
def reenter():
    return ctx.run(lambda: "inner")


show(ctx.run, reenter)
show(ctx.run, ctx.run, print)
show(ctx.run, lambda: "still usable")

# Keys must be ContextVars.
show(lambda: ctx[1])
show(ctx.get, "x")
show(lambda: "x" in ctx)

# Read-only mapping.
def assign():
    ctx[var] = 1


try:
    assign()
except TypeError:
    print("TypeError: no item assignment")

# Constructor and method arguments.
show(contextvars.ContextVar)
show(contextvars.ContextVar, 1)
show(contextvars.ContextVar, "a", 1)
show(contextvars.ContextVar, "a", default=1, bad=2)
show(contextvars.ContextVar, "a", bad=2)
show(contextvars.ContextVar, name="a")
show(contextvars.Context, 1)
show(contextvars.Context, a=1)
show(var.get, 1, 2)
show(var.get, default=1)
show(var.set)
show(var.set, 1, 2)
show(var.reset)
show(ctx.get)
show(ctx.get, var, 1, 2)
show(ctx.get, var, default=1)
show(ctx.copy, 1)
show(ctx.run)
show(ctx.run, f=1)
show(contextvars.copy_context, 1)

# Unhashable, read-only attributes.
show(hash, ctx)
show(hash, token)
show(setattr, var, "name", "x")
show(type(contextvars.Token.MISSING))

# LookupError carries the var.
try:
    other.get()
except LookupError as e:
    print(type(e).__name__, e.args[0] is other)
