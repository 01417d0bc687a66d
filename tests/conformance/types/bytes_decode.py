data = 'naïve ☕'.encode('utf-8')
print(data, data.decode(), data.decode('utf-8'), len(data))
print(b'caf\xe9'.decode('latin-1'), b'abc'.decode('ascii'))
print(b'bad \xff byte'.decode('utf-8', 'replace'), b'bad \xff byte'.decode('utf-8', 'ignore'), b'bad \xff'.decode('utf-8', 'backslashreplace'))
try:
    b'\xe2\x98'.decode('utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b'\x80'.decode('ascii')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(b'\xff\xfeh\x00i\x00'.decode('utf-16'), 'hi'.encode('utf-32-be'))
