import time
t = time.struct_time((2024, 2, 29, 13, 5, 9, 3, 60, 0))
print(t, len(t), t[-1], t[1:3], t == (2024, 2, 29, 13, 5, 9, 3, 60, 0))
print(t.tm_zone, t.tm_gmtoff, time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, 'Z', 60)).tm_zone)
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(time.struct_time.__match_args__)
print(t.__reduce__())
print(time.gmtime(0).tm_zone, time.gmtime(0).tm_gmtoff)
for bad in [(1, 2, 3), tuple(range(12)), 5]:
    try:
        time.struct_time(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    t.tm_year = 1
except AttributeError as e:
    print('AttributeError', e)
match t:
    case time.struct_time(tm_year=y, tm_mon=m):
        print('matched', y, m)
