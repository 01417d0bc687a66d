s = list(range(10))
print(s[2:5], s[:3], s[7:], s[:], s[-3:], s[:-7])
print(s[::2], s[1::3], s[::-1], s[8:2:-2], s[-1:-4:-1])
print(s[100:], s[-100:2], s[5:2], s[2:5:-1])
t = 'abcdefg'
print(t[1:-1], t[::-2], t[::3], t[-2:])
print((1, 2, 3, 4)[1:3], range(10)[2:8:3])
print(s[slice(2, 4)], s[slice(None, None, -3)])
try:
    s[::0]
except ValueError as e:
    print(type(e).__name__, e)
