print(int('10'), float('10'), complex('10'), str(10), bool('10'), int(10.9), int(-10.9))
print(hex(255), oct(8), bin(5), hex(-255), bin(-5), oct(0), hex(0))
print(int(' 0x1A ', 16), float(' inf '), float('-nan'), round(2.675, 2), abs(-7), abs(-7.5), abs(3 + 4j))
print(ord('a'), chr(97), chr(0x10FFFF) == '\U0010ffff', ord('€'))
try:
    ord('ab')
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
