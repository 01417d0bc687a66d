# split with groups and maxsplit, escape, flags and inline flags, Pattern attributes.
import re

print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', 1), re.split(r'\W+', 'a b c', maxsplit=5))
print(re.split(r'x*', 'axbc'), re.split(r'\b', 'a b'), re.split('(a)|b', 'xaybz'))
print(re.split(r'[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.escape('http://example.com/a.b?c=d*e'), re.escape(b'a.b'), re.escape('tab\there'))

p = re.compile(r'(?P<key>\w+)=(?P<value>\d+)', re.I | re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(re.compile('x'), re.compile('x').flags, re.compile(b'x').flags, re.compile('x', re.A).flags)
print(re.compile('(?i)x').flags, re.compile('(?s)(?m)x').flags, re.compile('x', re.X | re.S))
print(re.I, re.M | re.S, re.IGNORECASE == 2, int(re.VERBOSE), re.A | 0)
print(re.I.name, re.I.value, (re.I | re.M).name, re.NOFLAG.name, re.X.value)
print(re.match('a.c', 'A\nC', re.I | re.S), re.match('a.c', 'a\nc'))
print(re.findall('^x', 'x\nx\nx', re.M), re.findall('x$', 'x\nx\n'), re.findall('x$', 'x\nx\n', re.M))
print(re.match(r'''(?x)
    (\d+)   # digits
    \s* [a b]  # a class keeps its space
''', '12 b'))
print(re.match(r'(?i:AB)c', 'abc'), re.match(r'(?i:AB)c', 'abC'), re.match(r'a(?-i:B)', 'Ab', re.I))
print(re.compile('a') is re.compile('a'), re.compile(re.compile('b')))
re.purge()
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I))
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print(type(e).__name__, e)
for bad in [(b'x', re.U), ('x', re.L), ('x', re.A | re.U)]:
    try:
        re.compile(*bad)
    except ValueError as e:
        print(type(e).__name__, e)
