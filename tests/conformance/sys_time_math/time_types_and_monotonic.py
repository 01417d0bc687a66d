import time
t = time.time()
m1 = time.monotonic()
m2 = time.monotonic()
p = time.perf_counter()
print(type(t).__name__, type(m1).__name__, type(p).__name__, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__)
print(t > 0, m2 >= m1)
readings = [time.monotonic() for _ in range(100)]
print(all(a <= b for a, b in zip(readings, readings[1:])))
ns = [time.perf_counter_ns() for _ in range(10)]
print(all(a <= b for a, b in zip(ns, ns[1:])))
