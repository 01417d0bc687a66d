# Malformed patterns raise re.error with CPython's message; wrong types raise TypeError.
import re

for pattern in ['(a', 'a)', '(a))', '*a', 'a**', '+', '[a', '[', 'a|*', '(?P<1>a)', '(?P<a>x)(?P<a>y)',
                r'(?P=x)', 'a{3,2}', '\\', r'\q', r'\1', r'(a)\2', r'\x4', r'\u12', '(?z)', '(?',
                'x(?i)', '(?P', '(?<x>a)', r'(a\1)', '(?#abc']:
    try:
        re.compile(pattern)
        print(repr(pattern), 'compiled')
    except re.error as e:
        print(repr(pattern), type(e).__name__, e, e.pos, e.msg)

try:
    re.compile('a\n(b')
except re.error as e:
    print(e, e.lineno, e.colno)

for call in [lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.match(5, 'a'),
             lambda: re.match('a', 5), lambda: re.compile('a').match(None)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
print(issubclass(re.error, Exception), re.error.__module__, re.error.__name__)
print(re.match('(a)', 'a').group(1), re.search('x' * 1000, 'x' * 999))
for pattern in ['a*(?#c)+', 'a*(?#c)?', '(?x)a* +', '(?x)a*?', 'a{2}+', 'a{2}?']:
    try:
        print(repr(pattern), re.compile(pattern).match('aaa'))
    except re.error as e:
        print(repr(pattern), type(e).__name__, e)
print(re.search(r'\B', ''), re.search(r'\B', 'a'), re.findall(r'\B', 'abc'), re.compile(r'\B').search('ab', 1, 1))
try:
    re.compile(r'(?<=a+)b')
except re.error as e:
    print(e.msg)
