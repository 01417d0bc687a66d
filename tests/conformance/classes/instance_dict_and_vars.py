class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
c = C()
print(vars(c), c.__dict__ is vars(c))
c.__dict__['c'] = 3
print(c.c)
print(sorted(k for k in vars(C) if not k.startswith('__')))
print(type(C.__dict__).__name__)
try:
    C.__dict__['x'] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
