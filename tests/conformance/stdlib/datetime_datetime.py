# datetime: construction, reprs, arithmetic across zones, comparisons, timestamps, ISO.
from datetime import datetime, date, time, timedelta, timezone


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for dt in [datetime(2020, 1, 1), datetime(2020, 1, 1, 12, 30), datetime(2020, 1, 1, 0, 0, 5),
           datetime(2020, 1, 1, 0, 0, 0, 7), datetime(2020, 1, 1, tzinfo=timezone.utc),
           datetime(2020, 1, 1, 1, 2, 3, 4, timezone(timedelta(hours=5, minutes=45)), fold=1)]:
    print(repr(dt), str(dt), dt.isoformat(), dt.isoformat(' ', 'minutes'), dt.ctime())
print(datetime.min, datetime.max, datetime.resolution)
show(lambda: datetime(2020, 2, 30))
show(lambda: datetime(2020, 1, 1, 24))
show(lambda: datetime(2020, 1, 1, tzinfo='UTC'))
show(lambda: datetime(2020, 1, 1).isoformat(timespec='x'))
show(lambda: datetime(2020, 1, 1, 1, 2, 3, 456789).isoformat(timespec='milliseconds'))
show(lambda: datetime(2020, 1, 1, 1, 2, 3, 456789).isoformat(timespec='hours'))

d = datetime(2020, 2, 28, 23, 30)
print(d + timedelta(hours=1), d + timedelta(days=1, minutes=30), d - timedelta(days=59))
print(d - datetime(2019, 2, 28), datetime(2019, 2, 28) - d, repr(d - d))
show(lambda: datetime.max + timedelta(microseconds=1))
show(lambda: datetime.min - timedelta(microseconds=1))

u = datetime(2020, 1, 1, 12, tzinfo=timezone.utc)
p = datetime(2020, 1, 1, 13, tzinfo=timezone(timedelta(hours=1)))
q = datetime(2020, 1, 1, 12, tzinfo=timezone(timedelta(hours=-2)))
print(u == p, u - p, q - u, u < q, q > p, hash(u) == hash(p), len({u, p, q}))
show(lambda: u - datetime(2020, 1, 1))
show(lambda: u < datetime(2020, 1, 1))
print(u == datetime(2020, 1, 1, 12), u != datetime(2020, 1, 1, 12))
print(datetime(2020, 1, 1) == date(2020, 1, 1), datetime(2020, 1, 1) != date(2020, 1, 1))
show(lambda: datetime(2020, 1, 1) < date(2020, 1, 1))
print(sorted([datetime(2020, 1, 2), datetime(2020, 1, 1, 23), datetime(2019, 12, 31)]))
print(isinstance(u, date), issubclass(datetime, date))

c = datetime.combine(date(2021, 3, 4), time(5, 6, 7, 8, timezone.utc))
print(repr(c), repr(datetime.combine(date(2021, 3, 4), time(5), tzinfo=None)))
show(lambda: datetime.combine(1, time()))
print(repr(c.date()), repr(c.time()), repr(c.timetz()))
print(repr(c.replace(year=2022, tzinfo=None)), repr(c.replace(hour=23, fold=1)))
print(c.timetuple(), c.utctimetuple())
print(p.utctimetuple())
print(c.weekday(), c.isoweekday(), c.isocalendar(), c.toordinal())

for ts in [0, 1, 1.5, 86400 * 365.25, 1234567890.123456, -1.25, 1e9 + 0.9999996]:
    dt = datetime.fromtimestamp(ts, timezone.utc)
    print(ts, repr(dt), dt.timestamp(), repr(datetime.utcfromtimestamp(ts)))
print(datetime.fromtimestamp(3600, timezone(timedelta(hours=-1))))
print(datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=3))).timestamp())
show(lambda: datetime.fromtimestamp(1e20))
show(lambda: datetime.fromtimestamp('0'))
print(type(datetime.now()).__name__, datetime.now(timezone.utc).tzinfo, type(datetime.utcnow()).__name__)
print(datetime.now(timezone.utc) > datetime(2000, 1, 1, tzinfo=timezone.utc))

for s in ['2020-01-02', '2020-01-02T03:04', '2020-01-02 03:04:05', '2020-01-02T03:04:05.678',
          '2020-01-02T03:04:05.678901+01:00', '2020-01-02T03:04:05Z', '20200102T030405',
          '2020-01-02T03', '2020-W01-3T10:00', '2020-01-02x03:04', '2020-01-02T25:00',
          '2020-01-02T03:04:05-00:00', '2020-01-02T03:04:05+0530', '2020-01-02T', '2020-01',
          '2020-01-02T03:04:05.123+01:00:30', 'not a date']:
    show(lambda: datetime.fromisoformat(s))
show(lambda: datetime.fromisoformat(None))
r = datetime(2020, 5, 6, 7, 8, 9, 10, timezone(timedelta(hours=-7)))
print(datetime.fromisoformat(r.isoformat()) == r, datetime.fromisoformat(str(r)) == r)
print(u.astimezone(timezone(timedelta(hours=9))), repr(u.astimezone(timezone.utc)))


class MyDT(datetime):
    pass


m = MyDT(2020, 1, 1, 5)
print(type(m + timedelta(1)).__name__, type(m.replace(hour=1)).__name__,
      type(MyDT.fromisoformat('2020-01-01')).__name__, repr(m).endswith('MyDT(2020, 1, 1, 5, 0)'))
