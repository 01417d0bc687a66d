a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, 1 in a, 3 not in a)
print('ell' in 'hello', '' in 'abc', 'x' not in 'abc')
print(2 in {1: 'a', 2: 'b'}, 'a' in {1: 'a'})
print(3 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
