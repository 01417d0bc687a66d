# urllib.parse: urljoin (RFC 3986's examples and CPython's quirks), quote/
# unquote and their plus and bytes forms, urlencode, parse_qs/parse_qsl.
from urllib.parse import (urljoin, quote, quote_plus, quote_from_bytes, unquote, unquote_plus,
                          unquote_to_bytes, urlencode, parse_qs, parse_qsl)

base = 'http://a/b/c/d;p?q'
for ref in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', 'g;x?y#s',
            '', '.', './', '..', '../', '../g', '../..', '../../', '../../g', '../../../g', '../../../../g',
            '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.', 'g/./h', 'g/../h', 'g;x=1/./y',
            'g;x=1/../y', 'g?y/./x', 'g?y/../x', 'g#s/./x', 'g#s/../x', 'http:g', 'https://other/x']:
    print(repr(ref), urljoin(base, ref))
print(urljoin('http://a/b/', 'c//d'), urljoin('http://a/b', ''), urljoin('', 'x'), urljoin('mailto:a@b', 'c'))
print(urljoin('http://a/b/c', '#f', allow_fragments=False), urljoin(b'http://a/b/c', b'../d'))
print(urljoin('file:///tmp/x', 'y'), urljoin('ftp://h/a/b', 'c'), urljoin('svn://h/a/b', 'c'))

for text in ['abc def', 'a/b?c=d&e', '', 'ünïcödé €', '~user/_x-y.z', '100%']:
    print(repr(text), quote(text), quote(text, safe=''), quote_plus(text), quote_plus(text, safe='/'))
print(quote(b'a b\xff'), quote('é', encoding='latin-1'), quote('é€', encoding='ascii', errors='replace'))
print(quote('a b', safe=b' '), quote_plus(b'a b&c'), quote_from_bytes(b'/x y'), quote_from_bytes(bytearray(b'!')))
for text in ['abc%20def', '%E2%82%AC', '%e2%82%ac+x', '%zz%2', '%', 'no escapes', '%C3', 'é%20x', '%ff']:
    print(repr(text), repr(unquote(text)), repr(unquote_plus(text)), unquote_to_bytes(text))
print(unquote('%E9', encoding='latin-1'), unquote('%ff', errors='ignore'), unquote(b'a%20b'), unquote_to_bytes(''))

print(urlencode({'name': 'A B', 'x': 1, 'sym': '&=?/'}))
print(urlencode([('a', 1), ('a', 2), ('b', b'by tes')]))
print(urlencode({'list': [1, 2], 'str': 'ab', 'n': 3}, doseq=True), urlencode({'list': [1, 2]}))
print(urlencode({'p': 'a/b c'}, safe='/'), urlencode({'p': 'a b'}, quote_via=quote))
print(urlencode({'é': 'ü'}), urlencode({'é': 'ü'}, encoding='latin-1'), urlencode({}))

for qs in ['a=1&b=2&a=3', 'a=&b', 'x=a+b%20c&y=%E2%82%AC', '&&a=1&&', 'k=v=w', '', 'a=1;b=2']:
    print(repr(qs), parse_qsl(qs), parse_qs(qs), parse_qsl(qs, keep_blank_values=True))
print(parse_qsl('a=1;b=2', separator=';'), parse_qs(b'a=1&a=2'), parse_qsl('a=%E9', encoding='latin-1'))

errors = [
    lambda: quote(b'x', encoding='utf-8'),
    lambda: quote(b'x', errors='strict'),
    lambda: quote_from_bytes('x'),
    lambda: quote(5),
    lambda: unquote(5),
    lambda: urlencode('abc'),
    lambda: urlencode([1, 2]),
    lambda: urlencode(5),
    lambda: parse_qsl('a', strict_parsing=True),
    lambda: parse_qsl('a=1&&b=2', strict_parsing=True),
    lambda: parse_qsl('a=1&b=2&c=3', max_num_fields=2),
    lambda: parse_qsl('a=1', separator=''),
    lambda: parse_qsl('a=1', separator=5),
    lambda: quote('é', encoding='ascii'),
]
for call in errors:
    try:
        print(call())
    except (TypeError, ValueError, AttributeError) as e:
        print(type(e).__name__, e)
