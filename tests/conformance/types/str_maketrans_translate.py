table = str.maketrans('abc', 'xyz')
print('aabbcc'.translate(table), table)
print('hello'.translate(str.maketrans({'l': 'L', 'o': None, 'h': 'Hh'})))
print('remove vowels'.translate(str.maketrans('', '', 'aeiou')))
print('abc'.translate({97: 'A', 98: None}))
try:
    str.maketrans('ab', 'x')
except ValueError as e:
    print(type(e).__name__, e)
