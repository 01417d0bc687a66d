s = 'Ω≈ç√∫˜µ≤≥÷'
print(len(s), s.upper(), [hex(ord(c)) for c in s[:3]])
print('\u00e9' == 'e\u0301', len('e\u0301'), ascii('e\u0301'))
print(chr(0x1F40D), ord('🐍'), '🐍'.encode('utf-8'), '\U0001F40D' == '🐍')
print(sorted(['b', 'a', 'B', 'é', 'e', 'Z']))
print('straße' == 'STRASSE'.lower(), 'straße'.casefold() == 'STRASSE'.casefold())
print('x' * 3, 3 * 'ab', 'a' * 0, 'a' * -1, 'abc' < 'abd', 'abc' < 'ab', 'Z' < 'a')
