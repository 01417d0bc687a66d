class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, A), isinstance(b, (C, A)), isinstance(b, (C, (int, B))))
print(issubclass(B, A), issubclass(B, (C, A)), issubclass(A, B), issubclass(A, A))
print(isinstance(True, int), issubclass(bool, int), isinstance(1, float))
print(issubclass(B, object), isinstance(A, type), isinstance(type, object))
try:
    issubclass(b, A)
except TypeError as e:
    print(type(e).__name__, e)
try:
    isinstance(1, 'int')
except TypeError as e:
    print(type(e).__name__, e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 'anything'
    def __subclasscheck__(cls, sub):
        return sub is int
class Duck(metaclass=Meta):
    pass
print(isinstance('anything', Duck), isinstance(5, Duck), issubclass(int, Duck), issubclass(str, Duck))
