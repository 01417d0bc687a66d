import time
t = time.struct_time((2024, 2, 29, 13, 5, 9, 3, 60, 0))
print(time.strftime('%Y-%m-%d %H:%M:%S', t))
print(time.strftime('%a %A %b %B %j %w %y %I %p %%', t))
print(time.strftime('%d/%m/%Y', time.gmtime(0)), time.asctime(time.gmtime(0)))
print(time.asctime(t))
print(time.strptime('2023-12-25 08:30', '%Y-%m-%d %H:%M')[:8])
try:
    time.strptime('not a date', '%Y')
except ValueError as e:
    print(type(e).__name__, e)
