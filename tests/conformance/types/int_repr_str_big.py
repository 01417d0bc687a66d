n = 7 ** 300
s = str(n)
print(len(s), s[:20], s[-20:])
print(repr(-n)[:10])
print(int(s) == n)
import sys
print(sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(hex(2 ** 200)[:12], len(hex(10 ** 5000)))
