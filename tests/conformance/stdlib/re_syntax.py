# Pattern syntax: classes, escapes, quantifiers, backreferences, lookaround, Unicode.
import re

tests = [
    (r'\d+', 'abc ٣٤ 12'), (r'\d+', 'abc 12'), (r'(?a)\d+', '٣٤ 12'), (r'\w+', 'naïve café'),
    (r'(?a)\w+', 'naïve'), (r'\s+', 'a\u2003\t b'), (r'[^\W\d]+', 'ab1c'),
    (r'a{2}', 'aaa'), (r'a{2,}', 'aaaa'), (r'a{,2}', 'aaa'), (r'a{1,2}?', 'aaa'), (r'a{x', 'a{x'),
    (r'a{', 'a{'), (r'x{}', 'x{}'), (r'a*+a', 'aaa'), (r'(?>a+)b', 'aab'),
    (r'(\w)\1', 'abccd'), (r'(?P<c>\w)(?P=c)', 'xyyz'), (r'(a)(?(1)b|c)', 'ab'),
    (r'\x41\u00e9\U0001F600', 'Aé😀'), (r'\N{LATIN SMALL LETTER E WITH ACUTE}', 'é'),
    (r'\0\101\t', '\x00A\t'), (r'[\d.]+', 'v1.25!'), (r'[]a]+', 'a]a'), (r'[^]]+', 'ab]'),
    (r'[\[\]]+', '[]'), (r'a\Z', 'a\n'), (r'a\Z', 'xa'),
    (r'\bfoo\b', 'a foo b'), (r'\Bo', 'foo'), (r'(?<!a)b', 'abcb'), (r'a(?=b)', 'acab'),
    (r'a(?!b)', 'aba'), (r'(?#comment)x', 'x'), (r'\v', '\x0b'), (r'[\v]', '\x0b'),
    (r'(?i)straße', 'STRASSE'), (r'(?i)ÉTÉ', 'été'), (r'.', '\n'), (r'(?s).', '\n'),
    (r'\$\.\*', '$.*'), (r'é+', 'aééé'), (r'[à-ÿ]+', 'xàéÿz'),
]
for pattern, text in tests:
    m = re.search(pattern, text)
    print(repr(pattern), m.group() if m else None, m.span() if m else None)

print(re.findall(rb'\d', b'a1\xe92'), re.match(rb'\xe9', b'\xe9'), re.search(rb'(?i)\w+', b'caf\xe9'))
print(re.findall(r'(?i)[a-z]+', 'Hello WORLD'), re.findall('[^a-c]', 'abcdé'))
# re.ASCII with IGNORECASE folds ASCII letters only.
for pattern, text in [('(?ai)é', 'É'), ('(?ai)k', '\u212a'), ('(?ai)[a-z]+', 'xK\u212aÉ'), ('(?i)[a-z]+', 'xK\u212a'),
                      (r'(?ai)\x4b', 'k'), ('(?a)(?i:K)k', 'kk'), ('(?ai)(?-i:K)k', 'kK'), (r'(?ai)(a)\1', 'aA'),
                      ('(?ai)[^a-c]', 'B d'), ('(?ai)[\\w-]+', 'Ab-c'), ('(?ai)[.-z]+', 'Zz.'), ('(?ai)S', 'ſ')]:
    m = re.search(pattern, text)
    print(repr(pattern), m.group() if m else None)
print(re.findall('é', 'ÉéE', re.A | re.I), re.findall('[à-ÿ]', 'ÀàÿŸ', re.A | re.I), re.findall('[à-ÿ]', 'ÀàÿŸ', re.I))
