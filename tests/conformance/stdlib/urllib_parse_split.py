# urllib.parse: urlsplit/urlparse and their results' attributes, urlunsplit/
# urlunparse round trips, urldefrag, bytes input, and the errors.
from urllib.parse import (urlsplit, urlparse, urlunsplit, urlunparse, urldefrag, SplitResult,
                          ParseResult, DefragResult)

urls = [
    'http://user:pw@Example.COM:8080/path/to;params?q=1&r=2#frag',
    'https://example.com',
    'https://example.com/',
    '//example.com/no/scheme',
    '/just/a/path?x#y',
    'relative/path',
    'mailto:someone@example.com',
    'file:///etc/hosts',
    'http://[::1]:80/ipv6',
    'http://[fe80::1%25eth0]/zone',
    'HTTP://EXAMPLE.com/Case',
    'path:with:colons',
    '1http://not-a-scheme',
    '  \t http://exa\nmple.com/a\tb ',
    'http://example.com/a;b;c/d;e',
    'tel:+1-555;ext=1',
    'http://example.com?only=query',
    'http://example.com#only-fragment',
    'svn+ssh://host/repo',
    '',
]
for url in urls:
    s = urlsplit(url)
    p = urlparse(url)
    print(repr(url))
    print('  ', s)
    print('  ', p)
    print('  ', s.geturl(), '|', p.geturl(), '|', urlunsplit(s), '|', urlunparse(p))
    print('  ', s.username, s.password, s.hostname, s.port)

print(urlsplit('path', scheme='https'), urlparse('//h/p', 'ftp'))
print(urlsplit('http://h/p#f', allow_fragments=False))
print(urlsplit(b'http://user@h:1/p?q#f'))
print(urlsplit(b'http://user@h:1/p?q#f').hostname, urlparse(b'http://h:2/a;b').port)
print(urlsplit('http://h/p').encode(), urlsplit(b'http://h/p').decode())
print(urlunsplit(('http', 'h', 'p', 'q', 'f')), urlunsplit(('', '', 'p', '', '')),
      urlunsplit(('file', '', '/tmp/x', '', '')), urlunsplit(('mailto', '', 'a@b', '', '')))
print(urlunparse(('http', 'h', '/p', 'par', 'q', 'f')), urlunparse([b'http', b'h', b'/p', b'', b'', b'']))
print(urldefrag('http://h/p?q#frag'), urldefrag('http://h/p'), urldefrag(b'a#b'))
print(urldefrag('http://h/p#f').geturl(), urldefrag('http://h/p#f').url)
print(isinstance(urlsplit('x'), tuple), SplitResult._fields, ParseResult._fields, DefragResult._fields)
print(urlsplit('http://h:0/').port, urlsplit('http://h:65535/').port, urlsplit('http://h:/').port)

for bad in ['http://h:port/', 'http://h:65536/', 'http://h:-1/', 'http://h:１/']:
    try:
        print(urlsplit(bad).port)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in ['http://[::1/', 'http://::1]/']:
    try:
        urlsplit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for args in [('http://h', b'x'), (b'http://h', 'x')]:
    try:
        urlsplit(*args)
    except TypeError as e:
        print(type(e).__name__, e)
