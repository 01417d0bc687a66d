def v(x):
    print('v', x)
    return x
print(1 < 2 < 3, 3 > 2 > 2, 1 < 3 > 2)
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(0 <= x < 10, 0 <= x < 5)
print(1 == 1.0 == True, 'a' < 'b' < 'c')
print(1 is not None is not False)
print([1] == [1] != [2], 2 in [1, 2] in [[1, 2]])
