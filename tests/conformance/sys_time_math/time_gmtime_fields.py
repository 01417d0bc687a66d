import time
t = time.gmtime(0)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst)
print(tuple(t), t[0], len(t), type(t).__name__)
t2 = time.gmtime(951782400)
print(t2.tm_year, t2.tm_mon, t2.tm_mday, t2.tm_wday, t2.tm_yday)
print(time.gmtime(1e9)[:6], time.gmtime(-86400)[:3])
