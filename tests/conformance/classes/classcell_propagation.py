# The class body's __class__ cell must end up holding the class: a metaclass
# that drops __classcell__ from the namespace it gives type.__new__ gets
# CPython's RuntimeError, one that returns another class its TypeError.
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns2 = {k: v for k, v in ns.items() if k != '__classcell__'}
        return super().__new__(mcls, name, bases, ns2)
try:
    class X(metaclass=Meta):
        def f(self): return __class__
except Exception as e: print(type(e).__name__, e)
class Meta2(type):
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, ns)
class Y(metaclass=Meta2):
    def f(self): return __class__
print(Y().f())
class Meta3(type):
    def __new__(mcls, name, bases, ns):
        return 42
class Z(metaclass=Meta3):
    def f(self): return __class__
print(Z)
try:
    class W:
        def f(self): return __class__
        __classcell__ = 5
except Exception as e: print(type(e).__name__, e)
class Meta4(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __init__(cls, *a): pass
class Other: pass
class Meta5(type):
    def __new__(mcls, name, bases, ns):
        made = super().__new__(mcls, name, bases, ns)
        return super().__new__(mcls, name + '2', bases, {k: v for k, v in ns.items() if k != '__classcell__'})
try:
    class V(metaclass=Meta5):
        def f(self): return __class__
except Exception as e: print(type(e).__name__, e)
class U(metaclass=Meta4):
    def f(self): return super().f if False else __class__
print(U().f())
