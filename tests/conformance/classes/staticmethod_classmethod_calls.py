class C:
    @staticmethod
    def s(*args):
        return args
    @classmethod
    def c(cls, *args):
        return cls.__name__, args
    def m(self, *args):
        return type(self).__name__, args
inst = C()
print(C.s(1), inst.s(1), C.c(1), inst.c(1), inst.m(1), C.m(inst, 1))
print(callable(C.__dict__['s']), C.__dict__['s'](2))
f = C.c
print(f(3), f.__self__ is C, C.s is C.__dict__['s'].__func__)
