a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print({*a, *b} == {1, 2, 3, 4})
print({**{'x': 1}, 'y': 2, **{'x': 3}})
print([*'abc', *range(2)])
print(*a, *b, sep='-')
print([*[]], (*(),))
