class C:
    def method(self):
        return 1
c = C()
try:
    c.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    C.nothing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    C.method()
except TypeError as e:
    print(type(e).__name__, e)
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    'x'.new_attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.new_attr = 1
except TypeError as e:
    print(type(e).__name__, e)
