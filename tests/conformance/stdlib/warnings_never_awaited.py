# "coroutine ... was never awaited" goes through the warnings module once it
# is imported: its filters, catch_warnings(record=True), "ignore".
import warnings

async def f():
    pass

f()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f()
print(len(w), w[0].category.__name__, str(w[0].message), w[0].source is not None)
warnings.simplefilter("ignore")
f()
print("end")
