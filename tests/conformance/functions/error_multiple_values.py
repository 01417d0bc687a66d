def f(a, b):
    pass
try:
    f(1, a=2)
except TypeError as e:
    print(e)
try:
    f(1, 2, **{'b': 3})
except TypeError as e:
    print(e)
class C:
    def m(self, x):
        pass
try:
    C().m(1, x=2)
except TypeError as e:
    print(e)
try:
    C().m()
except TypeError as e:
    print(e)
try:
    C.m()
except TypeError as e:
    print(e)
