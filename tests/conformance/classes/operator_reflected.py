class R:
    def __init__(self, v):
        self.v = v
    def __radd__(self, o):
        return f'radd({o}, {self.v})'
    def __rsub__(self, o):
        return f'rsub({o}, {self.v})'
    def __rtruediv__(self, o):
        return f'rtruediv({o}, {self.v})'
    def __rpow__(self, o):
        return f'rpow({o}, {self.v})'
    def __rmatmul__(self, o):
        return f'rmatmul({o}, {self.v})'
    def __rfloordiv__(self, o):
        return f'rfloordiv({o}, {self.v})'
    def __rmod__(self, o):
        return f'rmod({o}, {self.v})'
    def __ror__(self, o):
        return f'ror({o}, {self.v})'
    def __rxor__(self, o):
        return f'rxor({o}, {self.v})'
    def __rrshift__(self, o):
        return f'rrshift({o}, {self.v})'
r = R('r')
print(1 + r, 1 - r, 1 / r, 2 ** r, [1] @ r, 7 // r, 7 % r, 1 | r, 1 ^ r, 1 >> r)
print(sum([R(1)], 10) if False else 10 + R(1))
