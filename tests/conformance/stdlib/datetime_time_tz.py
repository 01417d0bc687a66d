# time, tzinfo and timezone: fields, reprs, isoformat, offsets, comparisons.
from datetime import time, timezone, timedelta, tzinfo, datetime, UTC


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for t in [time(), time(12, 30), time(1, 2, 3), time(1, 2, 3, 4), time(23, 59, 59, 999999),
          time(1, 2, fold=1), time(5, tzinfo=timezone.utc), time(5, 6, 7, 8, timezone(timedelta(hours=-3)), fold=1)]:
    print(repr(t), str(t), t.isoformat('minutes'), t.hour, t.minute, t.second, t.microsecond, t.fold, bool(t))
print(time.min, time.max, time.resolution)
for args, kw in [((24,), {}), ((1, 60), {}), ((1, 1, 60), {}), ((1, 1, 1, 10**6), {}), ((-1,), {}),
                 ((1,), {'fold': 2}), ((1,), {'tzinfo': 5}), ((1.5,), {})]:
    show(lambda: time(*args, **kw))

t = time(9, 5, 7, 1234)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'nanos']:
    show(lambda: t.isoformat(spec))
print(t.replace(hour=10), t.replace(microsecond=0), t.replace(tzinfo=timezone.utc).replace(tzinfo=None))
print(t.strftime('%H:%M:%S.%f %p %I'), format(t, '%H.%M'), f'{t}')
for s in ['09:05', '09:05:07', '09:05:07.123', '09:05:07.123456', '09:05:07.1234567', '0905', '090507',
          'T09:05:07', '09:05:07Z', '09:05:07+05:30', '09:05:07-0130', '09:05:07+00:00', '09',
          '9:05', '09:05:', '24:00', '09:05:07.', 'xx', '09:05:07+05:30:15.5']:
    show(lambda: time.fromisoformat(s))

tz1 = timezone(timedelta(hours=1))
tz2 = timezone(timedelta(hours=-5, minutes=-30), 'EST-ish')
for tz in [timezone.utc, UTC, tz1, tz2, timezone(timedelta(0)), timezone(timedelta(0), 'Z0'),
           timezone(timedelta(seconds=1.5)), timezone(-timedelta(hours=1, minutes=30, seconds=5, microseconds=7)),
           timezone.min, timezone.max]:
    print(repr(tz), str(tz), tz.utcoffset(None), tz.dst(None), tz.tzname(None))
print(timezone.utc is timezone(timedelta(0)), tz1 == timezone(timedelta(hours=1), 'x'), tz1 != tz2)
print(hash(tz1) == hash(timezone(timedelta(hours=1))))
show(lambda: timezone(timedelta(hours=24)))
show(lambda: timezone(timedelta(hours=1), 5))
show(lambda: timezone(5))
show(lambda: tz1.utcoffset(5))
show(lambda: tz1.fromutc(datetime(2020, 1, 1)))
show(lambda: tz1.fromutc(datetime(2020, 1, 1, tzinfo=tz1)))

show(lambda: tzinfo().utcoffset(None))
show(lambda: tzinfo().tzname(None))
show(lambda: tzinfo().dst(None))


class Fixed(tzinfo):
    def __init__(self, minutes, name):
        self.offset = timedelta(minutes=minutes)
        self.name = name

    def utcoffset(self, dt):
        return self.offset

    def tzname(self, dt):
        return self.name

    def dst(self, dt):
        return timedelta(0)

    def __repr__(self):
        return f'Fixed({self.name})'


class Bad(tzinfo):
    def __init__(self, value):
        self.value = value

    def utcoffset(self, dt):
        return self.value

    def tzname(self, dt):
        return self.value

    def dst(self, dt):
        return self.value


a = time(12, 0, tzinfo=Fixed(60, 'A'))
b = time(11, 0, tzinfo=Fixed(0, 'B'))
print(repr(a), a.utcoffset(), a.tzname(), a.dst(), a.isoformat())
print(a == b, a < b, a <= b, time(12) == a, time(12) != a, hash(a) == hash(b))
show(lambda: time(12) < a)
show(lambda: time(1, tzinfo=Bad(5)).utcoffset())
show(lambda: time(1, tzinfo=Bad(timedelta(days=1))).utcoffset())
show(lambda: time(1, tzinfo=Bad(5)).tzname())
show(lambda: time(1, tzinfo=Bad(None)).isoformat())
dt = datetime(2020, 6, 1, 12, tzinfo=Fixed(-90, 'X'))
print(repr(dt), dt.isoformat(), dt.utcoffset(), dt.astimezone(timezone.utc))
print(dt.astimezone(Fixed(30, 'Y')), dt.astimezone(tz1).tzname())
print(time(1) < time(2), sorted([time(3), time(1, 30), time(2)]))
