# strftime with %f/%z/%Z and the C-locale directives; strptime's matching and errors.
from datetime import datetime, date, time, timezone, timedelta


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


dt = datetime(2021, 3, 7, 14, 5, 9, 12345)
aware = dt.replace(tzinfo=timezone(timedelta(hours=-4, minutes=-30), 'Somewhere'))
odd = dt.replace(tzinfo=timezone(timedelta(hours=1, seconds=30, microseconds=5)))
for fmt in ['%Y-%m-%d %H:%M:%S.%f', '%a %A %b %B %d %j %U %W %w %y', '%I:%M %p', '%%Y %%f %%z',
            '%z|%Z', '%c', '%x', '%X', 'no directives', '', '%H%%%M', '%e %D %T %R %F', '%G-W%V-%u']:
    print(repr(fmt), repr(dt.strftime(fmt)), repr(aware.strftime(fmt)))
print(odd.strftime('%z %Z'), date(2021, 3, 7).strftime('%Y %H:%M %f %z'), time(1, 2, 3, 4).strftime('%Y-%m-%d %H %f'))
print(date(5, 1, 1).strftime('%Y'), f'{dt:%Y/%m}', f'{aware:%H:%M %Z}')

cases = [
    ('2021-03-07 14:05:09', '%Y-%m-%d %H:%M:%S'),
    ('2021-03-07T14:05:09.5', '%Y-%m-%dT%H:%M:%S.%f'),
    ('2021-03-07 14:05:09.1234567', '%Y-%m-%d %H:%M:%S.%f'),
    ('7/3/21', '%d/%m/%y'),
    ('7/3/69', '%d/%m/%y'),
    ('7/3/68', '%d/%m/%y'),
    ('Sunday, March 07 2021', '%A, %B %d %Y'),
    ('sun mar  7 2021', '%a %b %d %Y'),
    ('12:30 AM', '%I:%M %p'),
    ('12:30 pm', '%I:%M %p'),
    ('1:05 PM', '%I:%M %p'),
    ('20210307', '%Y%m%d'),
    ('2021 66', '%Y %j'),
    ('2020 366', '%Y %j'),
    ('2021-03-07 +0530', '%Y-%m-%d %z'),
    ('2021-03-07 -05:30', '%Y-%m-%d %z'),
    ('2021-03-07 Z', '%Y-%m-%d %z'),
    ('2021-03-07 +01:02:03.5', '%Y-%m-%d %z'),
    ('2021-03-07 UTC', '%Y-%m-%d %Z'),
    ('2021  03\t07', '%Y %m %d'),
    ('10:20', '%H:%M'),
    ('Feb 29', '%b %d'),
    ('2021-03-07', '%Y-%m'),
    ('2021-03', '%Y-%m-%d'),
    ('2021-13-01', '%Y-%m-%d'),
    ('2021-02-29', '%Y-%m-%d'),
    ('21-03-07', '%Y-%m-%d'),
    ('2021-03-07', '%Y-%m-%d %H'),
    ('2021/03/07', '%Y-%m-%d'),
    ('2021-03-07', '%Y-%m-%q'),
    ('2021-03-07', '%Y-%m-%d%'),
    ('Mon Mar  8 10:00:00 2021', '%c'),
    ('03/08/21 10:00:00', '%x %X'),
    ('100%', '%d%%'),
    ('1112', '%m%d'),
    ('2021 60 5', '%H %M %S'),
    ('2021 00 0', '%Y %U %w'),
    ('2021 10 Mon', '%Y %W %a'),
    ('2021 52 7', '%Y %W %u'),
    ('2020-W53-5', '%G-W%V-%u'),
    ('2021 10', '%G %V'),
    ('10 Mon', '%V %a'),
    ('2021 10 1', '%Y %V %u'),
    ('2021 10 1 100', '%G %V %u %j'),
]
for text, fmt in cases:
    show(lambda: datetime.strptime(text, fmt))
show(lambda: datetime.strptime(5, '%Y'))
show(lambda: datetime.strptime('2021', 5))
print(datetime.strptime(dt.strftime('%c'), '%c'))
