b = b'hello world'
print(b[0], b[-1], b[:5], b[::-1], len(b), b'wor' in b, 111 in b)
print(bytes(3), bytes([65, 66]), bytes('é', 'utf-8'), bytes(range(5)), bytes(b'x'))
print(b.upper(), b.split(), b.replace(b'o', b'0'), b.find(b'o'), b.count(b'l'), b.startswith(b'he'))
print(b.hex(), b.hex(':'), bytes.fromhex('de ad be ef'), b'-'.join([b'a', b'b']))
print(b + b'!', b * 2, b.strip(b'hd'), b.title(), b.center(15, b'*'), b.isalpha(), b'123'.isdigit())
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b + 'str'
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes('text')
except TypeError as e:
    print(type(e).__name__, e)
