s = 'Python'
print(s[0], s[-1], s[2:4], s[::-1], s[::2], s[1::2], s[-3:], s[:100])
try:
    s[6]
except IndexError as e:
    print(type(e).__name__, e)
try:
    s[0] = 'J'
except TypeError as e:
    print(type(e).__name__, e)
try:
    s['a']
except TypeError as e:
    print(type(e).__name__, e)
u = 'naïve café 😀!'
print(len(u), u[2], u[-2], u[::-1], u.index('😀'))
