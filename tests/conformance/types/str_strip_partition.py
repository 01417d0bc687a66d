print(repr('  hi  '.strip()), repr('  hi  '.lstrip()), repr('  hi  '.rstrip()))
print('xxhixx'.strip('x'), 'abchiabc'.strip('cba'), 'hello'.lstrip('leh'), '\t\n x \r\f\v'.strip())
print('a=b=c'.partition('='), 'abc'.partition('='), 'a=b=c'.rpartition('='), 'abc'.rpartition('='))
print('prefix_body'.removeprefix('prefix_'), 'body.txt'.removesuffix('.txt'), 'x'.removeprefix('y'))
try:
    'a'.partition('')
except ValueError as e:
    print(type(e).__name__, e)
