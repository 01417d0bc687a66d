class Log:
    def __init__(self):
        self.ops = []
for name in ('iadd', 'isub', 'imul', 'imatmul', 'itruediv', 'ifloordiv', 'imod', 'ipow', 'ilshift', 'irshift', 'iand', 'ixor', 'ior'):
    def method(self, other, name=name):
        self.ops.append(f'{name}({other})')
        return self
    setattr(Log, f'__{name}__', method)
x = Log()
x += 1; x -= 2; x *= 3; x @= 4; x /= 5; x //= 6; x %= 7; x **= 8; x <<= 9; x >>= 10; x &= 11; x ^= 12; x |= 13
print(x.ops)
class Fallback:
    def __init__(self, v):
        self.v = v
    def __sub__(self, o): return Fallback(f'sub({self.v},{o})')
    def __rsub__(self, o): return Fallback(f'rsub({o},{self.v})')
    def __pow__(self, o): return Fallback(f'pow({self.v},{o})')
y = Fallback('y')
y -= 1
print(y.v)
z = 10
z -= Fallback('f')
print(z.v)
w = Fallback('w')
w **= 2
print(w.v)
