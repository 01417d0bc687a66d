def add_repr(cls):
    def __repr__(self):
        fields = ', '.join(f'{k}={v!r}' for k, v in vars(self).items())
        return f'{type(self).__name__}({fields})'
    cls.__repr__ = __repr__
    return cls
@add_repr
class Row:
    def __init__(self, **kw):
        self.__dict__.update(kw)
print(Row(a=1, b='x'))
print(Row.__module__, Row.__name__, Row.__qualname__, [b.__name__ for b in Row.__bases__])
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
