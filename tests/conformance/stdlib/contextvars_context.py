# Context as a read-only mapping, copy_context() and Context.run.
import contextvars

a = contextvars.ContextVar("a")
b = contextvars.ContextVar("b", default="b-default")
c = contextvars.ContextVar("c")

empty = contextvars.Context()
print(len(empty), list(empty), a in empty, empty.get(a), empty.get(a, 5))

a.set(1)
b.set(2)
ctx = contextvars.copy_context()
print(len(ctx), ctx[a], ctx[b], a in ctx, c in ctx)
print(ctx.get(c), ctx.get(c, "dflt"), ctx.get(a, "dflt"))
print(sorted(var.name for var in ctx))
print(sorted(var.name for var in ctx.keys()))
print(sorted(ctx.values()))
print(sorted((var.name, value) for var, value in ctx.items()))
print(len(ctx.keys()), len(ctx.items()))
try:
    ctx[c]
except KeyError as e:
    print("KeyError:", e.args[0] is c)

# The copy does not follow later changes, and run() isolates its changes.
a.set(100)
print(ctx[a], a.get())


def change(value, *, label):
    a.set(value)
    c.set(label)
    return a.get(), c.get()


print(ctx.run(change, 7, label="in ctx"))
print(ctx[a], ctx[c], a.get(), c.get("no c outside"))
print(ctx.run(lambda: (a.get(), c.get())))

# copy() and equality.
copy = ctx.copy()
print(copy == ctx, copy is ctx, copy != ctx)
copy.run(c.set, "changed")
print(copy == ctx, copy[c], ctx[c])
print(contextvars.Context() == contextvars.Context(), ctx == 1, ctx != 1)
print(ctx.__eq__(1))
print(bool(contextvars.Context()), bool(ctx))

# Iterators are snapshots.
keys = iter(ctx)
ctx.run(contextvars.ContextVar("later").set, 1)
print(len(list(keys)), len(ctx))

# An exception leaves the context as it was.
def fail():
    a.set("during failure")
    raise ValueError("boom")


try:
    ctx.run(fail)
except ValueError as e:
    print("ValueError", e)
print(ctx[a], a.get())

# Each run sees the values the previous runs left.
counter = contextvars.ContextVar("counter", default=0)
fresh = contextvars.Context()
for _ in range(3):
    fresh.run(lambda: counter.set(counter.get() + 1))
print(fresh[counter], counter.get())

# Nested runs of different contexts.
outer = contextvars.Context()
inner = contextvars.Context()


def nested():
    a.set("outer")
    inner.run(a.set, "inner")
    return a.get()


print(outer.run(nested), outer[a], inner[a], a.get())
