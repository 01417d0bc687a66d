class A:
    def __add__(self, o):
        print('A.__add__')
        return NotImplemented
    def __eq__(self, o):
        print('A.__eq__')
        return NotImplemented
class B:
    def __radd__(self, o):
        print('B.__radd__')
        return 'B handled it'
    def __eq__(self, o):
        print('B.__eq__')
        return NotImplemented
print(A() + B())
print(A() == B())
a = A()
print(a == a)
print(A() != B())
