# Formatter.parse and Template edge cases: escaped braces, nested specs, errors.
from string import Formatter, Template
f = Formatter()
for s in ['{{}}', 'a{{b}}c', '{0!r}', '{0!r:}', '{x[a]}', '{x[{]}', '{0:{1}}', '}}{{', '{:}', '{!s}',
          '{0[1][2]}', '{a.b.c}', '{0:{{}}', 'plain']:
    try:
        print(repr(s), list(f.parse(s)))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for s in ['{', '}', 'a{', '{0', '{0!', '{0!r', '{0!rx}', '{0:', '{0:{', '{x{', '{0[}']:
    try:
        print(repr(s), list(f.parse(s)))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
print(f.format('{0:{1}{2}}|{3!r:^{4}}', 3.14159, '>', 10, 'hi', 8))
print(f.format('{a[0]}{a[1]:x}{b.imag}', a=[1, 255], b=3j))
for t in ['$$', '$a$b', '${a}${b}', '$ab_1c', '$a.b', '${a', '$', '$1', 'x$', '$$a', '$$$a']:
    tp = Template(t)
    print(repr(t), repr(tp.safe_substitute(a='A', b='B', ab_1c='Z')), tp.get_identifiers(), tp.is_valid())
    try:
        print(' ', repr(tp.substitute(a='A', b='B', ab_1c='Z')))
    except (KeyError, ValueError) as e:
        print(' ', type(e).__name__, e)
