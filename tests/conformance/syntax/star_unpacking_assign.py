a, *b = [1, 2, 3]
print(a, b)
*a, b = 'xyz'
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
(a, b), c = [1, 2], 3
print(a, b, c)
[a, [b, *c]] = (1, (2, 3, 4))
print(a, b, c)
first, *_ = {'k': 1, 'j': 2}
print(first)
x = y = z = 0
print(x, y, z)
a, b = b, a
print(a, b)
