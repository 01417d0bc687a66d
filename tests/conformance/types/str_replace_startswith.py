print('aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'abc'.replace('', '-'), 'abc'.replace('x', 'y'))
print('hello'.startswith('he'), 'hello'.startswith(('x', 'hel')), 'hello'.endswith('lo'), 'hello'.endswith('l', 0, 3))
print('hello'.startswith('', 5), 'hello'.startswith('', 6), 'hello'.startswith('ell', 1))
try:
    'x'.startswith(['x'])
except TypeError as e:
    print(type(e).__name__, e)
