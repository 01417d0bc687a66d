class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print('A.__eq__ called')
        return self.v == getattr(o, 'v', o)
a = A(1)
print(a == 1, 1 == a, a != 1, a != 2)
class NoEq:
    pass
n = NoEq()
print(n == n, n == NoEq(), n != n)
