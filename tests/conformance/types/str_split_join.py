print('a,b,,c'.split(','), 'a,b,,c'.split(',', 1), '  a  b  '.split(), ''.split(), ''.split(','))
print('a b c d'.rsplit(' ', 2), 'a b c'.rsplit(), 'x--y--z'.split('--'), 'abc'.split('abc'))
print(' a\tb\nc\x0bd\x1ce '.split())
print('-'.join(['a', 'b', 'c']), ''.join([]), ', '.join('xyz'), '|'.join(map(str, range(3))))
try:
    ','.join(['a', 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a'.split('')
except ValueError as e:
    print(type(e).__name__, e)
