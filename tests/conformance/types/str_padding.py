print(repr('ab'.center(7)), repr('ab'.center(7, '*')), repr('abc'.center(6, '-')), repr('abc'.center(2)))
print(repr('ab'.ljust(5, '.')), repr('ab'.rjust(5, '.')), repr('ab'.ljust(1)))
print('42'.zfill(5), '-42'.zfill(5), '+4'.zfill(4), 'abc'.zfill(5), ''.zfill(3))
print(repr('a\tbc\td'.expandtabs()), repr('a\tbc\td'.expandtabs(4)), repr('x\ty\nab\tz'.expandtabs(3)))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print(type(e).__name__, e)
