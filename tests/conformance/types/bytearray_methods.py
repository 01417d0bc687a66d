ba = bytearray(b'hello')
ba[0] = 72
ba.append(33)
ba.extend(b' ok')
print(ba, len(ba))
ba[1:3] = b'EE'
print(ba)
del ba[-3:]
print(ba, ba.pop(), ba)
ba.insert(0, 62)
ba.remove(62)
print(ba, ba.find(b'l'), ba.upper(), bytes(ba))
ba.reverse()
print(ba, ba.decode())
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray('é', 'utf-8'))
try:
    ba.append(300)
except ValueError as e:
    print(type(e).__name__, e)
b2 = bytearray(b'abc')
b2 += b'def'
b2 *= 2
print(b2, b2 == b'abcdefabcdef', b2.count(b'a'))
