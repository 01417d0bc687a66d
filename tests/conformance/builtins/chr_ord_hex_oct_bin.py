print(chr(65), chr(8364), ord('A'), ord('€'), ord('\n'), repr(chr(0)))
print(hex(255), hex(-1), oct(64), bin(10), bin(-10), hex(2 ** 64), bin(0))
class Idx:
    def __index__(self):
        return 10
print(hex(Idx()), bin(Idx()), oct(Idx()), repr(chr(Idx())))
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    ord('')
except TypeError as e:
    print(type(e).__name__, e)
