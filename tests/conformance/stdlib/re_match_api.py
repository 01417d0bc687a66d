# Match objects: groups, spans, names, lastindex, repr, pos/endpos.
import re

m = re.match(r'(\w+) (\w+)(?P<tail> !)?', 'hello world, bye')
print(m)
print(m.group(), m.group(0), m.group(1, 2), m[2], m.groups(), m.groups('-'))
print(m.groupdict(), m.groupdict('none'), m.start(), m.end(1), m.span(2), m.span('tail'))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.string, m.re, m.regs)
print(m.expand(r'\2, \1! \g<1>'))
for bad in [3, 'nope', -1]:
    try:
        m.group(bad)
    except IndexError as e:
        print(type(e).__name__, e)

m = re.search(r'(?P<year>\d{4})-(?P<month>\d\d)', 'on 2023-07-14')
print(m, m['year'], m.group('month'), m.lastgroup, m.lastindex)
print(re.search(r'((a)b)', 'xab').lastindex, re.match(r'(a)|(b)', 'b').lastindex)

p = re.compile(r'\d+')
print(p.match('ab12', 2), p.match('ab12', 1), p.search('12ab345', 2, 6), p.fullmatch('1234', 1, 3))
print(p.search('123', 5), p.match('abc', -5), p.search('9', 0, 100))
print(re.match('a', 'a') is not None, bool(re.match('b', 'a')))
print(re.match(r'(a)(b)?', 'a').groups(), re.match(r'(a)(b)?', 'a').span(2))
print(re.fullmatch(r'a|ab', 'ab'), re.fullmatch(r'\w+', 'abc!'))
print(re.match(r'', 'abc'), re.search(r'$', 'abc'))
print(re.search(r'(?<=a)b', 'ab', ), re.compile(r'(?<=a)b').search('ab', 1))
print(re.compile(r'^b').search('ab', 1), re.compile(r'\Ab').search('ab', 1))
m = re.search(b'(b+)', bytearray(b'abbc'))
print(m.group(1), m, m.groups(), re.compile('x' * 300))
print(re.match('.*', 'x' * 100), re.match(b'.*', b'y' * 100))
