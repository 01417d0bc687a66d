# The UnicodeError family: constructor checks and the str() forms.
d = UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 1, 'invalid start byte')
print(d.encoding, d.object, d.start, d.end, d.reason)
print(str(d))
print(str(UnicodeDecodeError('utf-8', b'\xff\xfe', 0, 2, 'bad')))
print(UnicodeDecodeError('ascii', bytearray(b'\x80'), 0, 1, 'r').object)
e = UnicodeEncodeError('ascii', 'a\xe9\u1234\U0001f600', 1, 2, 'ordinal not in range(128)')
print(str(e))
print(str(UnicodeEncodeError('ascii', 'a\xe9\u1234\U0001f600', 2, 3, 'r')))
print(str(UnicodeEncodeError('ascii', 'a\xe9\u1234\U0001f600', 3, 4, 'r')))
print(str(UnicodeEncodeError('ascii', 'a\xe9\u1234\U0001f600', 1, 4, 'r')))
print(str(UnicodeTranslateError('a\xe9', 1, 2, 'no map')), UnicodeTranslateError('x', 0, 1, 'r').encoding)
for args in [('utf-8',), (1, b'', 0, 1, 'r'), ('u', 5, 0, 1, 'r'), ('u', b'', 'x', 1, 'r')]:
    try:
        UnicodeDecodeError(*args)
    except TypeError as err:
        print('TypeError', err)
try:
    'caf\xe9'.encode('ascii')
except UnicodeEncodeError as err:
    print(err.start, err.end, err)
d.start = 1
print(d.start, str(d))
