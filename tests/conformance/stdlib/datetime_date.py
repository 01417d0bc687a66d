# date: construction errors, ordinals, weekdays, isocalendar, ISO formats, arithmetic.
from datetime import date, timedelta, datetime, MINYEAR, MAXYEAR


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


print(MINYEAR, MAXYEAR, date.min, date.max, date.resolution)
d = date(2024, 2, 29)
print(d, repr(d), d.year, d.month, d.day)
for args in [(0, 1, 1), (10000, 1, 1), (2020, 0, 1), (2020, 13, 1), (2021, 2, 29),
             (2020, 4, 31), (2020, 1, 0), (2020.0, 1, 1), ('2020', 1, 1), (1900, 2, 29), (2000, 2, 29)]:
    show(lambda: date(*args))
show(lambda: date(year=2020, month=5, day=17))

for d in [date(1, 1, 1), date(1970, 1, 1), date(2000, 12, 31), date(2024, 3, 1), date(9999, 12, 31)]:
    o = d.toordinal()
    print(d, o, date.fromordinal(o) == d, d.weekday(), d.isoweekday(), d.ctime())
show(lambda: date.fromordinal(0))
show(lambda: date.fromordinal(3652060))

for y, m, dd in [(2004, 1, 1), (2005, 1, 1), (2005, 1, 2), (2008, 12, 29), (2009, 12, 31),
                 (2010, 1, 3), (2020, 12, 31), (2021, 1, 3), (2026, 6, 15), (1, 1, 1)]:
    ic = date(y, m, dd).isocalendar()
    print(date(y, m, dd), ic, tuple(ic), ic.year, ic.week, ic.weekday,
          date.fromisocalendar(*ic) == date(y, m, dd))
show(lambda: date.fromisocalendar(2021, 53, 1))
show(lambda: date.fromisocalendar(2020, 53, 7))
show(lambda: date.fromisocalendar(2020, 1, 8))
show(lambda: date.fromisocalendar(2020, 0, 1))
show(lambda: date.fromisocalendar(0, 1, 1))

for s in ['2020-01-31', '20200131', '2020-W01-1', '2020W011', '2020-W53', '2020W10',
          '2020-1-31', '2020-02-30', '2020/01/31', '2020-01-31T00', ' 2020-01-31', '',
          '2020-W54-1', '2020-W01-8', '２０２０-01-31']:
    show(lambda: date.fromisoformat(s))
show(lambda: date.fromisoformat(20200101))

d = date(2020, 1, 31)
print(d.isoformat(), str(d), f'{d}', f'{d:%d/%m/%Y}', format(d, ''), d.strftime('%A %B %j'))
print(d.replace(month=2, day=29), d.replace(year=2021))
show(lambda: d.replace(month=2))
show(lambda: d + timedelta(days=1))
show(lambda: d + timedelta(days=1, hours=23))
show(lambda: d - timedelta(days=31))
show(lambda: d - timedelta(hours=1))
show(lambda: timedelta(days=366) + d)
show(lambda: d - date(2019, 1, 31))
show(lambda: date(2019, 1, 31) - d)
show(lambda: date.max + timedelta(1))
show(lambda: date.min - timedelta(1))
print(d == date(2020, 1, 31), d != date(2020, 1, 31), d < date(2020, 2, 1), d >= date(2021, 1, 1))
print(d == '2020-01-31', d == datetime(2020, 1, 31), hash(d) == hash(date(2020, 1, 31)))
show(lambda: d < datetime(2020, 1, 31))
show(lambda: datetime(2020, 1, 31) > d)
print(sorted([date(2020, 5, 1), date(2019, 1, 1), date(2020, 1, 1)]))
print(d.timetuple())
print(date.fromtimestamp(0) == date(1970, 1, 1) or 'local zone not UTC', type(date.today()).__name__)


class MyDate(date):
    def label(self):
        return 'my ' + self.isoformat()


m = MyDate(2020, 5, 17)
print(m.label(), type(m + timedelta(1)).__name__, type(m.replace(day=1)).__name__,
      repr(m).endswith('MyDate(2020, 5, 17)'), MyDate.fromordinal(1).label())
