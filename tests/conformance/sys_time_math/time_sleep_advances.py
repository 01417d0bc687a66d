import time
start = time.monotonic()
result = time.sleep(0.05)
elapsed = time.monotonic() - start
print(result, elapsed >= 0.05, elapsed < 5)
start = time.perf_counter()
time.sleep(0)
print(time.perf_counter() >= start)
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.sleep('x')
except TypeError as e:
    print(type(e).__name__, e)
