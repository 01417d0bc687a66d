def f():
    f.calls = getattr(f, 'calls', 0) + 1
    return f.calls
f(); f()
print(f(), f.calls)
def g():
    return g
h = g
del g
try:
    h()
except NameError as e:
    print(type(e).__name__, e)
