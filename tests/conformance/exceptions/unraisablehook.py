# sys.unraisablehook gets what __del__ and finalizers cannot raise; a hook
# that fails is reported with the default one; sys.__unraisablehook__ is it.
import gc
import sys

seen = []


def hook(u):
    seen.append(u)
    print("hook:", type(u).__name__, u.exc_type.__name__, u.exc_value, u.err_msg,
          type(u.exc_traceback).__name__, u.object.__qualname__)


class D:
    def __del__(self):
        raise ValueError("in del")


print(sys.unraisablehook is sys.__unraisablehook__)
sys.unraisablehook = hook
D()
print(len(seen), seen[0].exc_value.__traceback__ is seen[0].exc_traceback)
seen.clear()


class BadHook:
    def __call__(self, u):
        raise RuntimeError("hook failed")

    def __repr__(self):
        return "<BadHook>"


sys.unraisablehook = BadHook()
D()
sys.stderr.flush()


def gen():
    try:
        yield 1
    finally:
        raise KeyError("from finally")


sys.unraisablehook = hook
g = gen()
next(g)
del g
gc.collect()
sys.unraisablehook = sys.__unraisablehook__
try:
    sys.__unraisablehook__(1)
except TypeError as e:
    print("TypeError:", e)
print("done")
