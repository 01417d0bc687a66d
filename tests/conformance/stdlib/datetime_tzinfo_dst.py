# A DST-aware tzinfo (the documentation's US zone): fromutc, fold, interzone equality and hashing.
from datetime import *
ZERO = timedelta(0); HOUR = timedelta(hours=1)
def first_sunday_on_or_after(dt):
    days_to_go = 6 - dt.weekday()
    if days_to_go: dt += timedelta(days_to_go)
    return dt
DSTSTART = datetime(1, 3, 8, 2); DSTEND = datetime(1, 11, 1, 2)
class US(tzinfo):
    def __init__(self, hours, name, dstname):
        self.stdoffset = timedelta(hours=hours); self.reprname = name; self.stdname = name; self.dstname = dstname
    def __repr__(self): return self.reprname
    def tzname(self, dt): return self.dstname if self.dst(dt) else self.stdname
    def utcoffset(self, dt): return self.stdoffset + self.dst(dt)
    def dst(self, dt):
        if dt is None or dt.tzinfo is None: return ZERO
        start = first_sunday_on_or_after(DSTSTART.replace(year=dt.year))
        end = first_sunday_on_or_after(DSTEND.replace(year=dt.year))
        if start + HOUR <= dt.replace(tzinfo=None) < end - HOUR: return HOUR
        if end - HOUR <= dt.replace(tzinfo=None) < end: return ZERO if dt.fold else HOUR
        if start <= dt.replace(tzinfo=None) < start + HOUR: return HOUR if dt.fold else ZERO
        return ZERO
Eastern = US(-5, 'Eastern', 'EDT')
for h in range(0, 12):
    u = datetime(2021, 11, 7, h, tzinfo=timezone.utc)
    e = u.astimezone(Eastern)
    print(u, e, e.tzname(), e.fold, e.utcoffset(), e.timetuple().tm_isdst, e == u, hash(e) == hash(u))
for h in range(0, 12):
    u = datetime(2021, 3, 14, h, tzinfo=timezone.utc)
    e = u.astimezone(Eastern)
    print(u, e, e.tzname(), e.fold, e.astimezone(timezone.utc) == u)
a = datetime(2021, 11, 7, 1, 30, tzinfo=Eastern); b = a.replace(fold=1)
print(a == b, a < b, b - a, a.utcoffset(), b.utcoffset(), repr(b))
print(Eastern.fromutc(datetime(2021, 7, 1, 12, tzinfo=Eastern)))
try: Eastern.fromutc(datetime(2021, 7, 1, 12))
except Exception as e: print(type(e).__name__, e)
