class A:
    def __init__(self):
        self.__secret = 'a secret'
        self._protected = 'protected'
    def reveal(self):
        return self.__secret
a = A()
print(a.reveal(), a._protected, a._A__secret)
try:
    a.__secret
except AttributeError as e:
    print(type(e).__name__, e)
class B(A):
    def __init__(self):
        super().__init__()
        self.__secret = 'b secret'
b = B()
print(b.reveal(), b._B__secret, sorted(vars(b)))
class C:
    __dunder__ = 'not mangled'
print(C.__dunder__)
