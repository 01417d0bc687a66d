x = 5
x += 2; print(x)
x -= 1; print(x)
x *= 3; print(x)
x //= 4; print(x)
x **= 3; print(x)
x %= 7; print(x)
x <<= 4; print(x)
x >>= 2; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 15; print(x)
x /= 2; print(x)
l = [1]
m = l
l += [2]
print(l, m, l is m)
t = (1,)
u = t
t += (2,)
print(t, u, t is u)
d = {'a': [1]}
d['a'] += [2]
print(d)
