class Bits:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f'Bits({self.v:#06b})'
    def __and__(self, o): return Bits(self.v & o.v)
    def __or__(self, o): return Bits(self.v | o.v)
    def __xor__(self, o): return Bits(self.v ^ o.v)
    def __lshift__(self, n): return Bits(self.v << n)
    def __rshift__(self, n): return Bits(self.v >> n)
    def __rlshift__(self, n): return f'rlshift {n} by {self.v}'
    def __rand__(self, o): return f'rand with {o}'
x, y = Bits(0b1100), Bits(0b1010)
print(x & y, x | y, x ^ y, x << 1, x >> 2)
print(1 << x, 5 & x)
