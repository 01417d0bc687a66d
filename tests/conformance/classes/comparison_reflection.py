class A:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f'A({self.v}).__lt__')
        return NotImplemented
    def __gt__(self, o):
        print(f'A({self.v}).__gt__')
        return self.v > o.v
    def __le__(self, o):
        print(f'A({self.v}).__le__')
        return self.v <= o.v
print(A(1) < A(2))
print(A(3) >= A(2))
print(A(2) <= A(2))
class Only:
    def __gt__(self, o):
        return 'Only.__gt__ used for reflected <'
print(5 < Only())
class NoCompare:
    pass
try:
    A(1) >= NoCompare()
except TypeError as e:
    print(type(e).__name__, e)
class B:
    def __eq__(self, o):
        return 'B.eq'
print(1 == B(), B() == 1, [B()] == [1])
