# findall, finditer, sub, subn: groups, empty matches, templates, functions.
import re

print(re.findall(r'\d+', 'a1b22c333'))
print(re.findall(r'(\w)=(\d)?', 'a=1 b= c=3'))
print(re.findall(r'(\w)(?:,|$)', 'x,y,z'))
print(re.findall(r'x*', 'axxb'), re.findall('|a', 'a'), re.findall('', 'abc'))
print([m.span() for m in re.finditer(r'\b\w', 'one two  three')])
print([m.group() for m in re.compile(r'o').finditer('foo boo', 2, 6)])
print(re.sub('x*', '-', 'abxd'), re.sub('', '-', 'abc'))
print(re.sub(r'(\w+)@(\w+)\.com', r'\2 at \1', 'joe@home.com, ann@work.com'))
print(re.sub(r'(?P<word>\w+)', r'<\g<word>|\g<0>>', 'ab cd'))
print(re.sub(r'a', r'\n\t\\', 'bab'), re.sub('a', r'\.', 'a'))
print(re.subn(r'\s+', ' ', '  many   spaces  here '), re.subn('a', 'b', 'aaa', count=2))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c9'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub('(?i)HELLO', 'bye', 'hello Hello'), re.sub('a', 'b', 'AaA', flags=re.I))
for template in [r'\3', r'\g<x>', r'\g<1', r'\q', 'x\\']:
    try:
        re.sub(r'(a)', template, 'a')
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub('a', lambda m: 5, 'a')
except TypeError as e:
    print(type(e).__name__, e)
print(re.sub(b'a+', b'-', b'baab'), re.findall(rb'\w+', b'ab cd'))
