# deque's +, *, += and *=: only a deque concatenates to a deque, repeating
# keeps maxlen (so only the last items stay), the in-place forms mutate.
import collections

deque = collections.deque
d = deque([1, 2])
print(d + deque([3]), d * 2, 2 * d, d * 0, d * -1)
print(d + d, (d + d).maxlen)
e = d
d += [5]
print(d, e is d)
d *= 2
print(d, e is d)
d += d
print(d)
m = deque([1, 2, 3], maxlen=4)
print(m * 3, (m * 3).maxlen, m + deque([7, 8]))
m *= 5
print(m)
z = deque([1], maxlen=0)
print(z * 3, z + deque([1]))
for bad in ([1], (1,), "x", None):
    try:
        d + bad
    except TypeError as exc:
        print(exc)
for bad in ("x", 1.5, None):
    try:
        d * bad
    except TypeError as exc:
        print(exc)
    try:
        d *= bad
    except TypeError as exc:
        print(exc)
try:
    [1] + deque()
except TypeError as exc:
    print(exc)
try:
    d += 5
except TypeError as exc:
    print(exc)


class Sub(deque):
    pass


s = Sub([1, 2])
print(type(s + s).__name__, type(s * 2).__name__)
