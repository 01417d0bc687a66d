"""Dates and times: date, time, datetime, timedelta, tzinfo and timezone.

Everything is computed on proleptic Gregorian ordinals (1 = January 1 of year
1) and on integer microseconds, so arithmetic is exact. Reprs, str() forms and
error messages follow CPython's C implementation; strftime hands the work to
the `time` module once %f, %z and %Z are filled in, strptime is a small
backtracking matcher with the field patterns CPython's _strptime uses.
"""

import time as _time
import math as _math

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo',
           'MINYEAR', 'MAXYEAR', 'UTC')

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059  # date.max.toordinal()

_DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [-1]
_days = 0
for _dim in _DAYS_IN_MONTH[1:]:
    _DAYS_BEFORE_MONTH.append(_days)
    _days += _dim
del _days, _dim

_MONTHNAMES = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
               'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
_DAYNAMES = [None, 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_FULL_MONTHNAMES = [None, 'January', 'February', 'March', 'April', 'May', 'June',
                    'July', 'August', 'September', 'October', 'November', 'December']
_FULL_DAYNAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday',
                  'Saturday', 'Sunday']

_DI400Y = 146097  # days in 400 years
_DI100Y = 36524
_DI4Y = 1461

_US_PER_SECOND = 1000000
_US_PER_DAY = 86400 * _US_PER_SECOND


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord2ymd(n):
    """(year, month, day) of proleptic Gregorian ordinal n."""
    n -= 1
    n400, n = divmod(n, _DI400Y)
    year = n400 * 400 + 1
    n100, n = divmod(n, _DI100Y)
    n4, n = divmod(n, _DI4Y)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leapyear = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    preceding = _DAYS_BEFORE_MONTH[month] + (month > 2 and leapyear)
    if preceding > n:
        month -= 1
        preceding -= _DAYS_IN_MONTH[month] + (month == 2 and leapyear)
    n -= preceding
    return year, month, n + 1


def _index(value):
    """value as an int, accepting objects with __index__, as the C
    constructors' "i" argument parsing does."""
    if isinstance(value, int):
        return int(value)
    try:
        index = type(value).__index__
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be "
                        f"interpreted as an integer") from None
    return index(value)


def _check_date_fields(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo_arg(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, "
                        f"not type '{type(tz).__name__}'")


def _check_utc_offset(name, offset):
    """Validate what a tzinfo's utcoffset() or dst() returned."""
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{name}() must return None or timedelta, "
                        f"not '{type(offset).__name__}'")
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError('offset must be a timedelta strictly between '
                         '-timedelta(hours=24) and timedelta(hours=24).')


def _cmp(x, y):
    return 0 if x == y else 1 if x > y else -1


def _divide_and_round(a, b):
    """a / b rounded to the nearest integer, ties to even."""
    q, r = divmod(a, b)
    r *= 2
    greater_than_half = r > b if b > 0 else r < b
    if greater_than_half or r == b and q % 2 == 1:
        q += 1
    return q


def _round_half_away(x):
    """C's round(): halfway cases away from zero."""
    if x < 0:
        return -_round_half_away(-x)
    floor = _math.floor(x)
    return floor + 1.0 if x - floor >= 0.5 else float(floor)


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    if timespec == 'hours':
        return '%02d' % hh
    if timespec == 'minutes':
        return '%02d:%02d' % (hh, mm)
    if timespec == 'seconds':
        return '%02d:%02d:%02d' % (hh, mm, ss)
    if timespec == 'milliseconds':
        return '%02d:%02d:%02d.%03d' % (hh, mm, ss, us)
    if timespec == 'microseconds':
        return '%02d:%02d:%02d.%06d' % (hh, mm, ss, us)
    raise ValueError('Unknown timespec value')


def _format_offset(off, sep=':'):
    """'+HH:MM[:SS[.ffffff]]' for a UTC offset, '' for None."""
    if off is None:
        return ''
    sign = '+'
    if off.days < 0:
        sign = '-'
        off = -off
    hh, rest = divmod(off, timedelta(hours=1))
    mm, rest = divmod(rest, timedelta(minutes=1))
    s = '%s%02d%s%02d' % (sign, hh, sep, mm)
    if rest.seconds or rest.microseconds:
        s += '%s%02d' % (sep, rest.seconds)
        if rest.microseconds:
            s += '.%06d' % rest.microseconds
    return s


def _wrap_strftime(obj, fmt, timetuple):
    """Fill in %f, %z and %Z, which the time module does not know about
    datetime objects, then let time.strftime do the rest."""
    if '%' not in fmt:
        return fmt
    parts = []
    i, n = 0, len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != '%' or i == n:
            parts.append(ch)
            continue
        ch = fmt[i]
        i += 1
        if ch == 'f':
            parts.append('%06d' % getattr(obj, 'microsecond', 0))
        elif ch == 'z':
            offset = obj.utcoffset() if hasattr(obj, 'utcoffset') else None
            parts.append(_format_offset(offset, '') if offset is not None else '')
        elif ch == 'Z':
            name = obj.tzname() if hasattr(obj, 'tzname') else None
            parts.append(name.replace('%', '%%') if name is not None else '')
        else:
            parts.append('%' + ch)
    return _time.strftime(''.join(parts), timetuple)


def _build_struct_time(y, m, d, hh, mm, ss, dstflag):
    wday = (_ymd2ord(y, m, d) + 6) % 7
    dnum = _days_before_month(y, m) + d
    return _time.struct_time((y, m, d, hh, mm, ss, wday, dnum, dstflag))


def _qualified_name(obj):
    cls = type(obj)
    return f'{cls.__module__}.{cls.__qualname__}'


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999),
    normalized so that only days may be negative."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        # As CPython's delta_new: whole parts add up exactly, the fractional
        # microseconds of float arguments are summed as a float and rounded
        # once, half to even, in this order of the units.
        whole = 0
        leftover = 0.0
        for name, value, factor in (('microseconds', microseconds, 1),
                                    ('milliseconds', milliseconds, 1000),
                                    ('seconds', seconds, _US_PER_SECOND),
                                    ('minutes', minutes, 60 * _US_PER_SECOND),
                                    ('hours', hours, 3600 * _US_PER_SECOND),
                                    ('days', days, _US_PER_DAY),
                                    ('weeks', weeks, 7 * _US_PER_DAY)):
            if isinstance(value, int):
                whole += value * factor
            elif isinstance(value, float):
                fraction, integral = _math.modf(value)
                whole += int(integral) * factor
                if fraction:
                    fraction, integral = _math.modf(factor * fraction)
                    whole += int(integral)
                    leftover += fraction
            else:
                raise TypeError(f'unsupported type for timedelta {name} '
                                f'component: {type(value).__name__}')
        if leftover:
            whole_us = _round_half_away(leftover)
            if abs(whole_us - leftover) == 0.5:
                is_odd = whole & 1
                whole_us = 2.0 * _round_half_away((leftover + is_odd) * 0.5) - is_odd
            whole += int(whole_us)
        return cls._from_microseconds(whole)

    @classmethod
    def _from_microseconds(cls, us):
        days, us = divmod(us, _US_PER_DAY)
        seconds, us = divmod(us, _US_PER_SECOND)
        if not -999999999 <= days <= 999999999:
            raise OverflowError(f'days={days}; must have magnitude <= 999999999')
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * _US_PER_SECOND + self._microseconds

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def total_seconds(self):
        """Total number of seconds in the duration, as a float."""
        return self._to_microseconds() / 10**6

    def __repr__(self):
        args = []
        if self._days:
            args.append('days=%d' % self._days)
        if self._seconds:
            args.append('seconds=%d' % self._seconds)
        if self._microseconds:
            args.append('microseconds=%d' % self._microseconds)
        if not args:
            args.append('0')
        return '%s(%s)' % (_qualified_name(self), ', '.join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = '%d:%02d:%02d' % (hh, mm, ss)
        if self._days:
            plural = '' if abs(self._days) == 1 else 's'
            s = '%d day%s, ' % (self._days, plural) + s
        if self._microseconds:
            s += '.%06d' % self._microseconds
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds()
                                                + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds()
                                                - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return timedelta._from_microseconds(self._to_microseconds())

    def __abs__(self):
        return -self if self._days < 0 else +self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(
                _divide_and_round(self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if not isinstance(other, (int, timedelta)):
            return NotImplemented
        usec = self._to_microseconds()
        if isinstance(other, timedelta):
            return usec // other._to_microseconds()
        return timedelta._from_microseconds(usec // other)

    def __truediv__(self, other):
        if not isinstance(other, (int, float, timedelta)):
            return NotImplemented
        usec = self._to_microseconds()
        if isinstance(other, timedelta):
            return usec / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_divide_and_round(usec, other))
        a, b = other.as_integer_ratio()
        return timedelta._from_microseconds(_divide_and_round(b * usec, a))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds()
                                                % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _getstate(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() == other._getstate()
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() != other._getstate()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() < other._getstate()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() <= other._getstate()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() > other._getstate()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._getstate() >= other._getstate()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._getstate())
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), self._getstate())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date:
    """A calendar date (year, month, day) in the proleptic Gregorian calendar."""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month, day):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hashcode = -1
        return self

    # Additional constructors

    @classmethod
    def fromtimestamp(cls, t):
        """The local date of POSIX timestamp t."""
        y, m, d, hh, mm, ss, weekday, jday, dst = _localtime(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        """The current local date."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        """The date of proleptic Gregorian ordinal n (1 is 0001-01-01)."""
        n = _index(n)
        if n < 1:
            raise ValueError('ordinal must be >= 1')
        if n > _MAXORDINAL:
            raise ValueError(f'year {_ord2ymd(n)[0]} is out of range')
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, date_string):
        """The date of an ISO 8601 string: YYYY-MM-DD, YYYYMMDD or a week date."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(date_string) not in (7, 8, 10):
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        try:
            return cls(*_parse_isoformat_date(date_string))
        except _IsoFormatError:
            raise ValueError(f'Invalid isoformat string: {date_string!r}') from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """The date of an ISO calendar (year, week, weekday) triple."""
        return cls(*_isocalendar_to_ymd(year, week, day))

    # Conversions to string

    def __repr__(self):
        return '%s(%d, %d, %d)' % (_qualified_name(self), self._year,
                                   self._month, self._day)

    def ctime(self):
        """The date in the format of time.ctime(), e.g. 'Tue Jan  7 00:00:00 2020'."""
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d 00:00:00 %04d' % (_DAYNAMES[weekday], _MONTHNAMES[self._month],
                                            self._day, self._year)

    def strftime(self, format):
        """Format with time.strftime's directives (and %f, %z, %Z)."""
        if not isinstance(format, str):
            raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'must be str, not {type(fmt).__name__}')
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        """'YYYY-MM-DD'."""
        return '%04d-%02d-%02d' % (self._year, self._month, self._day)

    __str__ = isoformat

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def timetuple(self):
        """A time.struct_time for the date at midnight, as time.localtime() returns."""
        return _build_struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        """Proleptic Gregorian ordinal: 1 for January 1 of year 1."""
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        """A copy with the given fields replaced."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    # Comparisons: a date compares only with dates (not with datetimes).

    def _cmp_key(self, other):
        if isinstance(other, date) and not isinstance(other, datetime) \
                and not isinstance(self, datetime):
            return (self._year, self._month, self._day), \
                   (other._year, other._month, other._day)
        return None

    def __eq__(self, other):
        keys = self._cmp_key(other)
        if keys is None:
            return NotImplemented
        return keys[0] == keys[1]

    def __ne__(self, other):
        keys = self._cmp_key(other)
        if keys is None:
            return NotImplemented
        return keys[0] != keys[1]

    def __le__(self, other):
        keys = self._cmp_key(other)
        if keys is None:
            return _date_order_mismatch(self, other)
        return keys[0] <= keys[1]

    def __lt__(self, other):
        keys = self._cmp_key(other)
        if keys is None:
            return _date_order_mismatch(self, other)
        return keys[0] < keys[1]

    def __ge__(self, other):
        keys = self._cmp_key(other)
        if keys is None:
            return _date_order_mismatch(self, other)
        return keys[0] >= keys[1]

    def __gt__(self, other):
        keys = self._cmp_key(other)
        if keys is None:
            return _date_order_mismatch(self, other)
        return keys[0] > keys[1]

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash((self._year, self._month, self._day))
        return self._hashcode

    # Arithmetic

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other.days
            if 0 < o <= _MAXORDINAL:
                return type(self).fromordinal(o)
            raise OverflowError('date value out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def weekday(self):
        """Day of the week, Monday == 0 ... Sunday == 6."""
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        """Day of the week, Monday == 1 ... Sunday == 7."""
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        """(ISO year, ISO week number, ISO weekday) as an IsoCalendarDate."""
        year = self._year
        week1monday = _isoweek1monday(year)
        today = _ymd2ord(self._year, self._month, self._day)
        week, day = divmod(today - week1monday, 7)
        if week < 0:
            year -= 1
            week1monday = _isoweek1monday(year)
            week, day = divmod(today - week1monday, 7)
        elif week >= 52:
            if today >= _isoweek1monday(year + 1):
                year += 1
                week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _date_order_mismatch(a, b):
    # A datetime and a date never order against each other (CPython raises
    # rather than falling back to the reflected method).
    if isinstance(a, date) and isinstance(b, date):
        raise TypeError(f"can't compare {_qualified_name(a)} to {_qualified_name(b)}")
    return NotImplemented


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


def _isoweek1monday(year):
    """Ordinal of the Monday starting ISO week 1 of `year`."""
    thursday = 3
    firstday = _ymd2ord(year, 1, 1)
    firstweekday = (firstday + 6) % 7
    week1monday = firstday - firstweekday
    if firstweekday > thursday:
        week1monday += 7
    return week1monday


def _isocalendar_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'Year is out of range: {year}')
    if not 0 < week < 53:
        out_of_range = True
        if week == 53:
            # Only years starting on a Thursday, or leap years starting on a
            # Wednesday, have a week 53.
            first_weekday = _ymd2ord(year, 1, 1) % 7
            if first_weekday == 4 or (first_weekday == 3 and _is_leap(year)):
                out_of_range = False
        if out_of_range:
            raise ValueError(f'Invalid week: {week}')
    if not 0 < day < 8:
        raise ValueError(f'Invalid day: {day} (range is [1, 7])')
    day_1 = _isoweek1monday(year)
    ordinal = day_1 + (week - 1) * 7 + (day - 1)
    return _ord2ymd(ordinal)


class IsoCalendarDate(tuple):
    """The (year, week, weekday) named tuple date.isocalendar() returns."""

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return (f'datetime.IsoCalendarDate'
                f'(year={self[0]}, week={self[1]}, weekday={self[2]})')


class tzinfo:
    """Abstract base class for time zone information objects."""

    __slots__ = ()

    def tzname(self, dt):
        """datetime -> the time zone's name, a string."""
        raise NotImplementedError('a tzinfo subclass must implement tzname()')

    def utcoffset(self, dt):
        """datetime -> offset from UTC as a timedelta, positive east of UTC."""
        raise NotImplementedError('a tzinfo subclass must implement utcoffset()')

    def dst(self, dt):
        """datetime -> the DST adjustment as a timedelta, or None."""
        raise NotImplementedError('a tzinfo subclass must implement dst()')

    def fromutc(self, dt):
        """datetime in UTC -> datetime in local time (of this zone)."""
        if not isinstance(dt, datetime):
            raise TypeError('fromutc: argument must be a datetime')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        dtoff = dt.utcoffset()
        if dtoff is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dtdst = dt.dst()
        if dtdst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        delta = dtoff - dtdst
        if delta:
            dt += delta
            dtdst = dt.dst()
            if dtdst is None:
                raise ValueError('fromutc(): dt.dst gave inconsistent results; '
                                 'cannot convert')
        return dt + dtdst

    def __reduce__(self):
        getinitargs = getattr(self, '__getinitargs__', None)
        args = getinitargs() if getinitargs else ()
        return (self.__class__, args, getattr(self, '__dict__', None) or None)


class time:
    """A time of day: hour, minute, second, microsecond, tzinfo and fold."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo',
                 '_hashcode', '_fold')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hashcode = -1
        self._fold = fold
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    # Comparisons: naive and aware times do not order against each other.

    def _cmp(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            base_compare = myoff == otoff
        if base_compare:
            return _cmp((self._hour, self._minute, self._second, self._microsecond),
                        (other._hour, other._minute, other._second, other._microsecond))
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        myhhmm = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        othhmm = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        return _cmp((myhhmm, self._second, self._microsecond),
                    (othhmm, other._second, other._microsecond))

    def __eq__(self, other):
        if isinstance(other, time):
            return self._cmp(other, allow_mixed=True) == 0
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, time):
            return self._cmp(other, allow_mixed=True) != 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._cmp(other) <= 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._cmp(other) < 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._cmp(other) >= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._cmp(other) > 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            tzoff = t.utcoffset()
            if not tzoff:
                self._hashcode = hash((t._hour, t._minute, t._second, t._microsecond))
            else:
                h, m = divmod(timedelta(hours=self._hour, minutes=self._minute) - tzoff,
                              timedelta(hours=1))
                m //= timedelta(minutes=1)
                if 0 <= h < 24:
                    self._hashcode = hash(time(h, m, self._second, self._microsecond))
                else:
                    self._hashcode = hash((h, m, self._second, self._microsecond))
        return self._hashcode

    def __repr__(self):
        if self._microsecond != 0:
            s = ', %d, %d' % (self._second, self._microsecond)
        elif self._second != 0:
            s = ', %d' % self._second
        else:
            s = ''
        s = '%s(%d, %d%s)' % (_qualified_name(self), self._hour, self._minute, s)
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r' % self._tzinfo + ')'
        if self._fold:
            s = s[:-1] + ', fold=1)'
        return s

    def isoformat(self, timespec='auto'):
        """'HH:MM:SS.ffffff+HH:MM', the parts after seconds only when needed;
        timespec picks the precision ('hours' ... 'microseconds')."""
        s = _format_time(self._hour, self._minute, self._second,
                         self._microsecond, timespec)
        return s + _format_offset(self.utcoffset())

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, time_string):
        """The time of an ISO 8601 string such as 'HH:MM:SS.ffffff+HH:MM'."""
        if not isinstance(time_string, str):
            raise TypeError('fromisoformat: argument must be str')
        text = time_string[1:] if time_string[:1] == 'T' else time_string
        try:
            fields = _parse_isoformat_time(text)
        except _IsoFormatError:
            raise ValueError(f'Invalid isoformat string: {time_string!r}') from None
        return cls(*fields)

    def strftime(self, format):
        """Format with time.strftime's directives; the date part is 1900-01-01."""
        timetuple = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(self, format, timetuple)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f'must be str, not {type(fmt).__name__}')
        if len(fmt) != 0:
            return self.strftime(fmt)
        return str(self)

    def utcoffset(self):
        """The tzinfo's utcoffset(None), or None for a naive time."""
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(None)
        _check_utc_offset('utcoffset', offset)
        return offset

    def tzname(self):
        """The tzinfo's tzname(None), or None for a naive time."""
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(None)
        _check_tzname(name)
        return name

    def dst(self):
        """The tzinfo's dst(None), or None for a naive time."""
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(None)
        _check_utc_offset('dst', offset)
        return offset

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        """A copy with the given fields replaced (tzinfo=None makes it naive)."""
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def __reduce__(self):
        return (type(self), (self._hour, self._minute, self._second,
                             self._microsecond, self._tzinfo))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError(f"tzinfo.tzname() must return None or a string, "
                        f"not '{type(name).__name__}'")


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


def _localtime(t):
    return _time.localtime(t)


class datetime(date):
    """A date with a time of day: year, month, day, hour, minute, second,
    microsecond, tzinfo and fold."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month, day, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo_arg(tzinfo)
        self = object.__new__(cls)
        self._year = year
        self._month = month
        self._day = day
        self._hour = hour
        self._minute = minute
        self._second = second
        self._microsecond = microsecond
        self._tzinfo = tzinfo
        self._hashcode = -1
        self._fold = fold
        return self

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        frac, t = _math.modf(t)
        us = round(frac * 1e6)
        if us >= 1000000:
            t += 1
            us -= 1000000
        elif us < 0:
            t -= 1
            us += 1000000
        converter = _time.gmtime if utc else _time.localtime
        y, m, d, hh, mm, ss, weekday, jday, dst = converter(t)
        ss = min(ss, 59)  # a leap second folds into the minute's last second
        result = cls(y, m, d, hh, mm, ss, us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """The datetime of POSIX timestamp t: local time, or in zone tz."""
        _check_tzinfo_arg(tz)
        if not isinstance(t, (int, float)):
            raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer")
        result = cls._fromtimestamp(t, tz is not None, tz)
        if tz is not None:
            result = tz.fromutc(result)
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        """The naive UTC datetime of POSIX timestamp t."""
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        """The current local date and time, or the current time in zone tz."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """The current UTC date and time, naive."""
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """The datetime of a date and a time (tzinfo from the time unless given)."""
        if not isinstance(date, _date_class):
            raise TypeError(f"combine() argument 1 must be datetime.date, "
                            f"not {type(date).__name__}")
        if not isinstance(time, _time_class):
            raise TypeError(f"combine() argument 2 must be datetime.time, "
                            f"not {type(time).__name__}")
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute,
                   time.second, time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """The datetime of an ISO 8601 string: a date, optionally a separator
        and a time with an optional UTC offset."""
        if not isinstance(date_string, str):
            raise TypeError('fromisoformat: argument must be str')
        if len(date_string) < 7:
            raise ValueError(f'Invalid isoformat string: {date_string!r}')
        try:
            separator = _find_isoformat_datetime_separator(date_string)
            date_fields = _parse_isoformat_date(date_string[:separator])
            time_string = date_string[separator + 1:]
            if separator < len(date_string):
                time_fields = _parse_isoformat_time(time_string)
            else:
                time_fields = [0, 0, 0, 0, None]
        except _IsoFormatError:
            raise ValueError(f'Invalid isoformat string: {date_string!r}') from None
        return cls(*(date_fields + time_fields))

    @classmethod
    def strptime(cls, date_string, format):
        """The datetime parsed from date_string according to format."""
        return _strptime_datetime(cls, date_string, format)

    def timetuple(self):
        """A time.struct_time as time.localtime() returns (tm_isdst from dst())."""
        dst = self.dst()
        if dst is None:
            dst = -1
        elif dst:
            dst = 1
        else:
            dst = 0
        return _build_struct_time(self._year, self._month, self._day,
                                  self._hour, self._minute, self._second, dst)

    def _mktime(self):
        """Seconds since the epoch of this naive local time."""
        tt = (self._year, self._month, self._day, self._hour, self._minute,
              self._second, 0, 1, -1)
        return int(_time.mktime(tt))

    def timestamp(self):
        """POSIX timestamp as a float; naive datetimes are local time."""
        if self._tzinfo is None:
            return self._mktime() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def utctimetuple(self):
        """A time.struct_time in UTC (tm_isdst 0)."""
        offset = self.utcoffset()
        if offset:
            self -= offset
        return _build_struct_time(self._year, self._month, self._day,
                                  self._hour, self._minute, self._second, 0)

    def date(self):
        """The date part."""
        return date(self._year, self._month, self._day)

    def time(self):
        """The time part, without tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        """The time part, with tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        """A copy with the given fields replaced (tzinfo=None makes it naive)."""
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond,
                          tzinfo, fold=fold)

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._mktime()
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        local = _time.localtime(ts)
        return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)

    def astimezone(self, tz=None):
        """The same instant expressed in zone tz (the local zone by default)."""
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, "
                            f"not type '{type(tz).__name__}'")
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoffset = mytz.utcoffset(self)
        else:
            myoffset = mytz.utcoffset(self)
            if myoffset is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoffset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        """The date and time in the format of time.ctime()."""
        weekday = self.toordinal() % 7 or 7
        return '%s %s %2d %02d:%02d:%02d %04d' % (
            _DAYNAMES[weekday], _MONTHNAMES[self._month], self._day,
            self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep='T', timespec='auto'):
        """'YYYY-MM-DDTHH:MM:SS.ffffff+HH:MM', sep between date and time."""
        s = ('%04d-%02d-%02d%s' % (self._year, self._month, self._day, sep)
             + _format_time(self._hour, self._minute, self._second,
                            self._microsecond, timespec))
        return s + _format_offset(self.utcoffset())

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute,
                  self._second, self._microsecond]
        if fields[-1] == 0:
            del fields[-1]
        if fields[-1] == 0:
            del fields[-1]
        s = '%s(%s)' % (_qualified_name(self), ', '.join(map(str, fields)))
        # Unlike time's repr, datetime's puts fold before tzinfo.
        if self._fold:
            s = s[:-1] + ', fold=1)'
        if self._tzinfo is not None:
            s = s[:-1] + ', tzinfo=%r' % self._tzinfo + ')'
        return s

    def __str__(self):
        return self.isoformat(sep=' ')

    def utcoffset(self):
        """The tzinfo's utcoffset(self), or None for a naive datetime."""
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.utcoffset(self)
        _check_utc_offset('utcoffset', offset)
        return offset

    def tzname(self):
        """The tzinfo's tzname(self), or None for a naive datetime."""
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        _check_tzname(name)
        return name

    def dst(self):
        """The tzinfo's dst(self), or None for a naive datetime."""
        if self._tzinfo is None:
            return None
        offset = self._tzinfo.dst(self)
        _check_utc_offset('dst', offset)
        return offset

    # Comparisons: equal instants compare equal across zones; a naive and an
    # aware datetime are never equal and cannot be ordered.

    def _fields(self):
        return (self._year, self._month, self._day, self._hour, self._minute,
                self._second, self._microsecond)

    def _cmp(self, other, allow_mixed=False):
        mytz = self._tzinfo
        ottz = other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            base_compare = True
        else:
            myoff = self.utcoffset()
            otoff = other.utcoffset()
            if allow_mixed:
                # For ==, a time in a fold (whose offset depends on fold) is
                # never equal to a time in another zone.
                if myoff != self.replace(fold=not self._fold).utcoffset():
                    return 2
                if otoff != other.replace(fold=not other._fold).utcoffset():
                    return 2
            base_compare = myoff == otoff
        if base_compare:
            return _cmp(self._fields(), other._fields())
        if myoff is None or otoff is None:
            if allow_mixed:
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        if diff.days < 0:
            return -1
        return 1 if diff else 0

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, allow_mixed=True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other, allow_mixed=True) != 0
        if isinstance(other, date):
            return True
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) <= 0
        return _date_order_mismatch(self, other)

    def __lt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) < 0
        return _date_order_mismatch(self, other)

    def __ge__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) >= 0
        return _date_order_mismatch(self, other)

    def __gt__(self, other):
        if isinstance(other, datetime):
            return self._cmp(other) > 0
        return _date_order_mismatch(self, other)

    def _to_microseconds(self):
        """Microseconds since 0001-01-01 00:00, ignoring tzinfo."""
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60
                 + self._second) * _US_PER_SECOND + self._microsecond)

    @classmethod
    def _from_microseconds(cls, us, tzinfo):
        days, us = divmod(us, _US_PER_DAY)
        if not 0 < days <= _MAXORDINAL:
            raise OverflowError('date value out of range')
        seconds, us = divmod(us, _US_PER_SECOND)
        mm, ss = divmod(seconds, 60)
        hh, mm = divmod(mm, 60)
        y, m, d = _ord2ymd(days)
        return cls(y, m, d, hh, mm, ss, us, tzinfo)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        return type(self)._from_microseconds(
            self._to_microseconds() + other._to_microseconds(), self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return NotImplemented
        base = timedelta._from_microseconds(self._to_microseconds()
                                            - other._to_microseconds())
        if self._tzinfo is other._tzinfo:
            return base
        myoff = self.utcoffset()
        otoff = other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return base + otoff - myoff

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            tzoff = t.utcoffset()
            if tzoff is None:
                self._hashcode = hash(t._fields())
            else:
                self._hashcode = hash(t._to_microseconds() - tzoff._to_microseconds())
        return self._hashcode

    def __reduce__(self):
        return (type(self), self._fields() + (self._tzinfo,))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

# combine() has parameters named date and time; these keep the classes reachable.
_date_class = date
_time_class = time


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __slots__ = ('_offset', '_name')

    # Sentinel so that timezone(offset) and timezone(offset, None) differ
    # from an explicit name.
    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError(f'timezone() argument 1 must be datetime.timedelta, '
                            f'not {type(offset).__name__}')
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError(f'timezone() argument 2 must be str, '
                            f'not {type(name).__name__}')
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError(f'offset must be a timedelta strictly between '
                             f'-timedelta(hours=24) and timedelta(hours=24), '
                             f'not {offset!r}.')
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return '%s(%r)' % (_qualified_name(self), self._offset)
        return '%s(%r, %r)' % (_qualified_name(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError(f'utcoffset(dt) argument must be a datetime instance or None, '
                        f'not {type(dt).__name__}')

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError(f'tzname(dt) argument must be a datetime instance or None, '
                        f'not {type(dt).__name__}')

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError(f'dst(dt) argument must be a datetime instance or None, '
                        f'not {type(dt).__name__}')

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError('fromutc: dt.tzinfo is not self')
            return dt + self._offset
        raise TypeError('fromutc: argument must be a datetime')

    _maxoffset = timedelta(hours=24, microseconds=-1)
    _minoffset = -_maxoffset

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return 'UTC'
        if delta < timedelta(0):
            sign = '-'
            delta = -delta
        else:
            sign = '+'
        hours, rest = divmod(delta, timedelta(hours=1))
        minutes, rest = divmod(rest, timedelta(minutes=1))
        seconds = rest.seconds
        microseconds = rest.microseconds
        if microseconds:
            return f'UTC{sign}{hours:02d}:{minutes:02d}:{seconds:02d}.{microseconds:06d}'
        if seconds:
            return f'UTC{sign}{hours:02d}:{minutes:02d}:{seconds:02d}'
        return f'UTC{sign}{hours:02d}:{minutes:02d}'


timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


# --- ISO 8601 parsing -------------------------------------------------------

class _IsoFormatError(Exception):
    """The string does not have the shape of an ISO 8601 date or time."""


def _digits(s, start, count):
    part = s[start:start + count]
    if len(part) != count or not part.isdigit() or not part.isascii():
        raise _IsoFormatError
    return int(part)


def _find_isoformat_datetime_separator(s):
    """Index of the date/time separator (len(s) when there is no time)."""
    n = len(s)
    if n > 4 and s[4] == '-':  # extended format, YYYY-MM-DD or YYYY-Www[-D]
        if n > 5 and s[5] == 'W':
            if n > 8 and s[8] == '-':
                return 10
            return 8
        return 10
    if n > 4 and s[4] == 'W':  # basic week format, YYYYWww[D]
        if n > 7 and s[7].isdigit():
            return 8
        return 7
    return min(8, n)


def _parse_isoformat_date(s):
    """[year, month, day] of 'YYYY-MM-DD', 'YYYYMMDD', 'YYYY-Www[-D]' or 'YYYYWww[D]'."""
    n = len(s)
    year = _digits(s, 0, 4)
    has_sep = n > 4 and s[4] == '-'
    pos = 5 if has_sep else 4
    if s[pos:pos + 1] == 'W':
        week = _digits(s, pos + 1, 2)
        pos += 3
        day = 1
        if pos < n:
            if has_sep:
                if s[pos] != '-':
                    raise _IsoFormatError
                pos += 1
            day = _digits(s, pos, 1)
            pos += 1
        if pos != n:
            raise _IsoFormatError
        try:
            return list(_isocalendar_to_ymd(year, week, day))
        except ValueError:
            raise _IsoFormatError from None
    month = _digits(s, pos, 2)
    pos += 2
    if has_sep:
        if s[pos:pos + 1] != '-':
            raise _IsoFormatError
        pos += 1
    day = _digits(s, pos, 2)
    if pos + 2 != n:
        raise _IsoFormatError
    return [year, month, day]


def _parse_hh_mm_ss_ff(s):
    """[hour, minute, second, microsecond] of 'HH[:MM[:SS[.fff]]]' or its
    basic form without colons."""
    n = len(s)
    fields = [0, 0, 0, 0]
    pos = 0
    has_sep = None
    for index in range(3):
        fields[index] = _digits(s, pos, 2)
        pos += 2
        if pos >= n:
            return fields
        next_char = s[pos]
        if has_sep is None:
            has_sep = next_char == ':'
        if index == 2 or next_char in '.,':
            break
        if has_sep:
            if next_char != ':':
                raise _IsoFormatError
            pos += 1
    if pos < n:
        # As CPython 3.11, a fraction may follow the hour or the minute
        # too, and then counts as fractional seconds ('12.5' is 12:00:00.5).
        if s[pos] not in '.,':
            raise _IsoFormatError
        pos += 1
        digits = s[pos:]
        if not digits or not digits.isdigit() or not digits.isascii():
            raise _IsoFormatError
        # Digits past the sixth are truncated, as CPython does.
        fields[3] = int((digits + '00000')[:6])
    return fields


def _parse_isoformat_time(s):
    """[hour, minute, second, microsecond, tzinfo] of an ISO time with an
    optional 'Z' or ±HH[:MM[:SS[.ffffff]]] offset."""
    if len(s) < 2:
        raise _IsoFormatError
    tz_pos = -1
    for i, c in enumerate(s):
        if c in '+-Z':
            tz_pos = i
            break
    time_part = s if tz_pos < 0 else s[:tz_pos]
    fields = _parse_hh_mm_ss_ff(time_part)
    tzi = None
    if tz_pos >= 0:
        tz_string = s[tz_pos:]
        if tz_string == 'Z':
            tzi = timezone.utc
        else:
            if tz_string[0] == 'Z' or len(tz_string) - 1 not in (2, 4, 5, 7, 8) \
                    and len(tz_string) - 1 < 10:
                raise _IsoFormatError
            tz_fields = _parse_hh_mm_ss_ff(tz_string[1:])
            if tz_fields == [0, 0, 0, 0]:
                tzi = timezone.utc
            else:
                sign = -1 if tz_string[0] == '-' else 1
                td = timedelta(hours=tz_fields[0], minutes=tz_fields[1],
                               seconds=tz_fields[2], microseconds=tz_fields[3])
                tzi = timezone(sign * td)
    fields.append(tzi)
    return fields


# --- strptime ---------------------------------------------------------------

# The numeric directives: (field width, smallest value, largest value) for
# each width the field may take, widest first, as the alternatives of
# CPython's _strptime patterns are ordered (e.g. %d is 3[01]|[12]\d|0[1-9]|[1-9]).
_NUMERIC_DIRECTIVES = {
    'd': ((2, 1, 31), (1, 1, 9)),
    'H': ((2, 0, 23), (1, 0, 9)),
    'I': ((2, 1, 12), (1, 1, 9)),
    'm': ((2, 1, 12), (1, 1, 9)),
    'M': ((2, 0, 59), (1, 0, 9)),
    'S': ((2, 0, 61), (1, 0, 9)),
    'U': ((2, 0, 53), (1, 0, 9)),
    'W': ((2, 0, 53), (1, 0, 9)),
    'V': ((2, 1, 53), (1, 0, 9)),
    'j': ((3, 1, 366), (2, 1, 99), (1, 1, 9)),
    'y': ((2, 0, 99),),
    'Y': ((4, 0, 9999),),
    'G': ((4, 0, 9999),),
    'w': ((1, 0, 6),),
    'u': ((1, 1, 7),),
    'f': ((6, 0, 999999), (5, 0, 99999), (4, 0, 9999), (3, 0, 999),
          (2, 0, 99), (1, 0, 9)),
}

_NAME_DIRECTIVES = {
    'a': [name[:3] for name in _FULL_DAYNAMES],
    'A': _FULL_DAYNAMES,
    'b': _MONTHNAMES[1:],
    'h': _MONTHNAMES[1:],
    'B': _FULL_MONTHNAMES[1:],
    'p': ['AM', 'PM'],
}

# The C locale's compound formats.
_COMPOUND_DIRECTIVES = {'c': '%a %b %d %H:%M:%S %Y', 'x': '%m/%d/%y',
                        'X': '%H:%M:%S', 'D': '%m/%d/%y', 'T': '%H:%M:%S',
                        'R': '%H:%M', 'r': '%I:%M:%S %p', 'F': '%Y-%m-%d'}


def _compile_strptime_format(format, whole_format=None):
    """The format as a list of tokens: ('lit', text), ('ws',), ('dir', char)."""
    if whole_format is None:
        whole_format = format
    tokens = []
    i, n = 0, len(format)
    while i < n:
        c = format[i]
        if c == '%':
            if i + 1 >= n:
                raise ValueError(f"stray % in format '{whole_format}'")
            d = format[i + 1]
            i += 2
            if d == '%':
                tokens.append(('lit', '%'))
            elif d in _COMPOUND_DIRECTIVES:
                tokens.extend(_compile_strptime_format(_COMPOUND_DIRECTIVES[d], whole_format))
            elif d in _NUMERIC_DIRECTIVES or d in _NAME_DIRECTIVES or d in 'zZ':
                tokens.append(('dir', d))
            else:
                raise ValueError(f"'{d}' is a bad directive in format '{whole_format}'")
        elif c.isspace():
            while i < n and format[i].isspace():
                i += 1
            tokens.append(('ws', None))
        else:
            tokens.append(('lit', c))
            i += 1
    return tokens


def _directive_candidates(d, s, pos):
    """(value, end) for each way directive d can match s at pos, in the
    order CPython's regular expression would try them."""
    if d in _NUMERIC_DIRECTIVES:
        for width, low, high in _NUMERIC_DIRECTIVES[d]:
            part = s[pos:pos + width]
            if len(part) == width and part.isdigit() and part.isascii():
                value = int(part)
                if low <= value <= high:
                    yield part, pos + width
        if d == 'd' and s[pos:pos + 1] == ' ' and s[pos + 1:pos + 2] in '123456789' \
                and s[pos + 1:pos + 2]:
            yield s[pos + 1], pos + 2
    elif d in _NAME_DIRECTIVES:
        # Longest names first, so that 'May' does not stop 'Mayx' from failing
        # and 'Mon' does not shadow 'Monday'.
        lowered = s[pos:].lower()
        for name in sorted(_NAME_DIRECTIVES[d], key=len, reverse=True):
            if lowered.startswith(name.lower()):
                yield name, pos + len(name)
    elif d == 'z':
        if s[pos:pos + 1] == 'Z':
            yield 'Z', pos + 1
        elif s[pos:pos + 1] in ('+', '-') and s[pos:pos + 1]:
            for end in _offset_ends(s, pos + 1):
                yield s[pos:end], end
    elif d == 'Z':
        names = {'utc', 'gmt'} | {name.lower() for name in _time.tzname}
        lowered = s[pos:].lower()
        for name in sorted(names, key=len, reverse=True):
            if name and lowered.startswith(name):
                yield s[pos:pos + len(name)], pos + len(name)


def _offset_ends(s, pos):
    """Ends of the matches of \\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)? at pos,
    longest first."""
    def two(p, first_max='9'):
        return (len(s) >= p + 2 and s[p].isdigit() and s[p] <= first_max
                and s[p + 1].isdigit())
    if not two(pos):
        return
    pos += 2
    if s[pos:pos + 1] == ':':
        pos += 1
    if not two(pos, '5'):
        return
    pos += 2
    ends = [pos]
    p = pos + 1 if s[pos:pos + 1] == ':' else pos
    if two(p, '5'):
        p += 2
        ends.append(p)
        if s[p:p + 1] == '.':
            q = p + 1
            while q < len(s) and q - p <= 6 and s[q].isdigit():
                q += 1
            for end in range(q, p + 1, -1):
                ends.append(end)
    yield from reversed(ends)


def _match_tokens(tokens, index, s, pos, found):
    """Backtracking match of tokens[index:] at s[pos:]; returns the end of
    the first match (its fields in `found`), or -1."""
    if index == len(tokens):
        return pos
    kind, value = tokens[index]
    if kind == 'lit':
        if s[pos:pos + len(value)].lower() == value.lower() and pos < len(s):
            return _match_tokens(tokens, index + 1, s, pos + len(value), found)
        return -1
    if kind == 'ws':
        end = pos
        while end < len(s) and s[end].isspace():
            end += 1
        while end > pos:
            result = _match_tokens(tokens, index + 1, s, end, found)
            if result >= 0:
                return result
            end -= 1
        return -1
    for text, end in _directive_candidates(value, s, pos):
        previous = found.get(value)
        found[value] = text
        result = _match_tokens(tokens, index + 1, s, end, found)
        if result >= 0:
            return result
        if previous is None:
            del found[value]
        else:
            found[value] = previous
    return -1


def _strptime(data_string, format):
    """(year, month, day, hour, minute, second, microsecond, tzinfo) parsed
    from data_string by format."""
    for index, arg in enumerate([data_string, format], 1):
        if not isinstance(arg, str):
            raise TypeError(f'strptime() argument {index} must be str, '
                            f'not {type(arg).__name__}')
    tokens = _compile_strptime_format(format)
    found = {}
    end = _match_tokens(tokens, 0, data_string, 0, found)
    if end < 0:
        raise ValueError(f'time data {data_string!r} does not match format {format!r}')
    if end != len(data_string):
        raise ValueError(f'unconverted data remains: {data_string[end:]}')

    year = None
    month = day = 1
    hour = minute = second = fraction = 0
    tz = None
    julian = None
    weekday = None
    week_of_year = None
    week_starts_monday = False
    iso_year = iso_week = None
    # Fields are read in the order of the format, so a later directive
    # overrides an earlier one for the same field (%y after %Y, %H after %I).
    for key, text in found.items():
        if key == 'y':
            year = int(text)
            year += 2000 if year <= 68 else 1900
        elif key == 'Y':
            year = int(text)
        elif key == 'm':
            month = int(text)
        elif key in ('B', 'b', 'h'):
            month = [n.lower() for n in _NAME_DIRECTIVES[key]].index(text.lower()) + 1
        elif key == 'd':
            day = int(text)
        elif key == 'H':
            hour = int(text)
        elif key == 'I':
            hour = int(text)
            ampm = found.get('p', '').lower()
            if ampm == 'pm':
                if hour != 12:
                    hour += 12
            elif hour == 12:
                hour = 0
        elif key == 'M':
            minute = int(text)
        elif key == 'S':
            second = int(text)
        elif key == 'f':
            fraction = int(text + '0' * (6 - len(text)))
        elif key in ('A', 'a'):
            weekday = [n.lower() for n in _NAME_DIRECTIVES[key]].index(text.lower())
        elif key == 'w':
            weekday = (int(text) - 1) % 7
        elif key == 'u':
            weekday = int(text) - 1
        elif key == 'j':
            julian = int(text)
        elif key in ('U', 'W'):
            week_of_year = int(text)
            week_starts_monday = key == 'W'
        elif key == 'G':
            iso_year = int(text)
        elif key == 'V':
            iso_week = int(text)
        elif key == 'z':
            if text == 'Z':
                tz = timezone.utc
            else:
                sign = -1 if text[0] == '-' else 1
                digits = text[1:].replace(':', '')
                micro = digits[7:]
                offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4]),
                                   seconds=int(digits[4:6] or 0),
                                   microseconds=int(micro + '0' * (6 - len(micro))) if micro else 0)
                tz = timezone(sign * offset)

    weekday_directives = "('%A', '%a', '%w', or '%u')"
    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week "
                             f"directive '%V' and a weekday directive {weekday_directives}.")
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO "
                             "year directive '%G'. Use '%Y' instead.")
    elif iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year "
                             f"directive '%G' and a weekday directive {weekday_directives}.")
        raise ValueError("ISO week directive '%V' is incompatible with the year "
                         "directive '%Y'. Use the ISO year '%G' instead.")

    leap_year_fix = False
    if year is None and month == 2 and day == 29:
        year = 1904  # a leap year, so that February 29 is valid for the computation
        leap_year_fix = True
    elif year is None:
        year = 1900
    if julian is None and weekday is not None:
        if week_of_year is not None:
            julian = _julian_from_week(year, week_of_year, weekday, week_starts_monday)
        elif iso_year is not None and iso_week is not None:
            year, month, day = _isocalendar_to_ymd(iso_year, iso_week, weekday + 1)
        if julian is not None and julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is not None:
        year, month, day = _ord2ymd(_ymd2ord(year, 1, 1) + julian - 1)
    if leap_year_fix:
        year = 1900
    return year, month, day, hour, minute, second, fraction, tz


def _julian_from_week(year, week_of_year, weekday, week_starts_monday):
    """Day of the year of a %U (weeks start on Sunday) or %W (on Monday)
    week number and a weekday (Monday == 0); may be <= 0 in week 0."""
    first_weekday = date(year, 1, 1).weekday()
    if not week_starts_monday:
        first_weekday = (first_weekday + 1) % 7
        weekday = (weekday + 1) % 7
    week_0_length = (7 - first_weekday) % 7
    if week_of_year == 0:
        return 1 + weekday - first_weekday
    return 1 + week_0_length + 7 * (week_of_year - 1) + weekday


def _strptime_datetime(cls, data_string, format):
    year, month, day, hour, minute, second, fraction, tz = _strptime(data_string, format)
    args = (year, month, day, hour, minute, second, fraction)
    if tz is not None:
        args += (tz,)
    return cls(*args)
