# Reference cycles through contexts are collected: a context holding a
# value that refers back to it, directly, through a token or a copy.
import contextvars
import gc
import weakref

var = contextvars.ContextVar("var")


class Holder:
    pass


def cycle_through_value():
    ctx = contextvars.Context()
    holder = Holder()
    holder.ctx = ctx
    ctx.run(var.set, holder)
    return weakref.ref(ctx), weakref.ref(holder)


def cycle_through_token():
    ctx = contextvars.Context()
    holder = Holder()
    holder.token = ctx.run(var.set, holder)
    return weakref.ref(ctx), weakref.ref(holder)


def cycle_through_copy():
    ctx = contextvars.Context()
    holder = Holder()
    ctx.run(var.set, holder)
    holder.copy = ctx.copy()
    return weakref.ref(ctx), weakref.ref(holder)


for make in (cycle_through_value, cycle_through_token, cycle_through_copy):
    refs = make()
    gc.collect()
    print(make.__name__, [r() is None for r in refs])

gc.collect()
print("done")
