l = list(range(10))
l[2:5] = ['a', 'b']
print(l)
l[:0] = [-1]
print(l)
l[len(l):] = [99]
print(l)
l[::2] = 'x' * len(l[::2])
print(l)
del l[1::3]
print(l)
l[1:3] = []
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
m = [1, 2, 3]
m[1:2] = m
print(m)
try:
    m[0:1] = 5
except TypeError as e:
    print(type(e).__name__, e)
