class C:
    count = 0
    def __init__(self):
        C.count += 1
    @classmethod
    def create(cls):
        return cls()
    @classmethod
    def how_many(cls):
        return cls.count
    @staticmethod
    def helper(x):
        return x * 2
class D(C):
    pass
d = D.create()
print(type(d).__name__, C.how_many(), D.how_many())
print(C.helper(4), C().helper(5), D.helper(1))
print(type(C.__dict__['create']).__name__, type(C.__dict__['helper']).__name__)
print(C.create.__self__ is C, C.__dict__['helper'].__func__(3))
