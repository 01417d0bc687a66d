s = 'a\tb\nc\\d\'e\"f\ag\bh\fi\vj\rk\0l'
print(repr(s))
print(repr('\x41\101\u00e9\U0001F600\N{GREEK SMALL LETTER ALPHA}'))
print(repr('\777'[0]), ord('\777'))
print('line\
continued')
print(repr(b'\x00\xff\n\t\\'))
print(repr('\d'))
