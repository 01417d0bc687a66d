x = 'module'
class C:
    x = 'class'
    y = x + '!'
    def method(self):
        return x
print(C.y, C().method())
class D:
    a = 1
    def m(self):
        try:
            return a
        except NameError as e:
            return f'{type(e).__name__}: {e}'
print(D().m())
