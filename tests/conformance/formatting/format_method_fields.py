class P:
    x = 'attr-x'
    items = ['i0', 'i1']
print('{0}{1}{0}'.format('ab', 'cd'))
print('{name} is {age}'.format(name='Ann', age=30))
print('{0.x} {0.items[1]} {1[key]} {2[0]}'.format(P(), {'key': 'v'}, ('t0',)))
print('{!r:>8} {!s:<5}| {!a}'.format('x', 'y', 'ü'))
print('{:{fill}{align}{width}}'.format('mid', fill='~', align='^', width=9))
print('{0:{1}.{2}f}'.format(3.14159, 8, 3))
print('{} {} {}'.format(*'abc'), '{a}{b}'.format(**{'a': 1, 'b': 2}))
