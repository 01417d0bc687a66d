s = 'héllo €'
print(s.encode(), s.encode('utf-8'), s.encode('latin-1', errors='replace'), s.encode('ascii', 'ignore'))
print(s.encode('ascii', 'xmlcharrefreplace'), s.encode('ascii', 'backslashreplace'), s.encode('utf-16-le'))
try:
    s.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    s.encode('no-such-codec')
except LookupError as e:
    print(type(e).__name__, e)
print(len(s), len(s.encode()), '😀'.encode('utf-8'), len('😀'))
