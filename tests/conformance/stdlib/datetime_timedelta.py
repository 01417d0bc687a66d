# timedelta: normalization, float rounding, repr/str, arithmetic, errors.
from datetime import timedelta


def show(f):
    try:
        r = f()
        print(repr(r), str(r) if isinstance(r, timedelta) else '')
    except Exception as e:
        print(type(e).__name__, e)


show(lambda: timedelta())
show(lambda: timedelta(1, 3600))
show(lambda: timedelta(days=1, hours=1))
show(lambda: timedelta(hours=-1))
show(lambda: timedelta(days=-2, microseconds=5))
show(lambda: timedelta(weeks=2, days=-1, hours=25, minutes=61, seconds=61, milliseconds=1001, microseconds=1001))
show(lambda: timedelta(microseconds=-1))
show(lambda: timedelta(seconds=86399, microseconds=999999))
show(lambda: timedelta(1.5, 0.3, 0.7))
show(lambda: timedelta(days=1/3, hours=1/7, microseconds=0.5))
show(lambda: timedelta(microseconds=1.5))
show(lambda: timedelta(microseconds=2.5))
show(lambda: timedelta(microseconds=-2.5))
show(lambda: timedelta(seconds=0.1, milliseconds=0.0005))
show(lambda: timedelta(minutes=1.25, weeks=0.001))
show(lambda: timedelta(days=10**9))
show(lambda: timedelta(days=-10**9))
show(lambda: timedelta(days=1e9))
show(lambda: timedelta(1, '2'))
show(lambda: timedelta(hours=None))
show(lambda: timedelta(days=999999999, seconds=86400))
show(lambda: (timedelta.min, timedelta.max, timedelta.resolution))
show(lambda: str(timedelta(days=1)))
show(lambda: str(timedelta(days=-1)))
show(lambda: str(timedelta(days=12, seconds=45296, microseconds=7)))

a = timedelta(days=1, hours=2)
b = timedelta(minutes=90)
for f in [lambda: a + b, lambda: a - b, lambda: b - a, lambda: -a, lambda: +a, lambda: abs(-a),
          lambda: a * 3, lambda: 3 * a, lambda: a * 0.5, lambda: a * 1.1, lambda: a * -0.3,
          lambda: a / b, lambda: a // b, lambda: a % b, lambda: divmod(a, b), lambda: divmod(-a, b),
          lambda: a / 7, lambda: a / 0.7, lambda: a // 7, lambda: -a // 7, lambda: b / 2.5,
          lambda: timedelta(microseconds=5) / 2, lambda: timedelta(microseconds=7) / 2,
          lambda: a / 0, lambda: a // 0, lambda: a % timedelta(0), lambda: a / timedelta(0),
          lambda: a.total_seconds(), lambda: timedelta(microseconds=-1).total_seconds(),
          lambda: (a.days, a.seconds, a.microseconds), lambda: (-b).days,
          lambda: timedelta.max + timedelta(microseconds=1), lambda: timedelta.min - timedelta(1),
          ]:
    show(f)

print(a > b, a < b, a == timedelta(hours=26), a != b, a >= a, b <= a)
print(a == 5, a != 'x', bool(timedelta()), bool(timedelta(microseconds=1)))
try:
    a < 5
except TypeError:
    print('TypeError on ordering with int')
print(hash(a) == hash(timedelta(seconds=93600)), len({a, timedelta(hours=26), b}))
print(sorted([a, b, timedelta(0), -b]))


class Sub(timedelta):
    pass


s = Sub(hours=1)
print(type(s).__name__, type(s + s).__name__, type(-s).__name__, s.seconds)
print(repr(Sub(0)).endswith('Sub(0)'))
