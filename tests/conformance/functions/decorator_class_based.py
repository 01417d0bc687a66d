class Count:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)
@Count
def sq(x):
    return x * x
print(sq(3), sq(4), sq.calls)
def register(cls):
    cls.registered = True
    return cls
@register
class K:
    pass
print(K.registered)
decorators = [lambda f: f]
@decorators[0]
def ident():
    return 'any expression decorator'
print(ident())
