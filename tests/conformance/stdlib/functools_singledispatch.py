from functools import singledispatch, singledispatchmethod
import collections.abc


@singledispatch
def show(obj):
    return f'object {obj!r}'

@show.register
def _(obj: int):
    return f'int {obj}'

@show.register(list)
def _(obj):
    return f'list of {len(obj)}'

def show_float(obj):
    return f'float {obj}'
print(show.register(float, show_float) is show_float)

@show.register
def _(obj: 'str'):
    return 'str ' + obj

print(show(1), show(True), show([1, 2]), show(2.5), show('s'), show(None), show((1,)))
print(show.__name__, show.dispatch(bool).__name__, show.dispatch(dict) is show.__wrapped__)
print(sorted(t.__name__ for t in show.registry))

class MyList(list):
    pass
print(show(MyList([1])))

@show.register
def _(obj: int | bytes):
    return 'int or bytes'
print(show(b'x'), show(3))

# ABCs: dispatch through virtual subclassing
@singledispatch
def kind(x):
    return 'other'

@kind.register(collections.abc.Sequence)
def _(x):
    return 'sequence'

@kind.register(collections.abc.Mapping)
def _(x):
    return 'mapping'

@kind.register(tuple)
def _(x):
    return 'tuple'

print(kind([]), kind('s'), kind({}), kind((1,)), kind(3))

class Custom:
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
print(kind(Custom()))
collections.abc.Sequence.register(Custom)
print(kind(Custom()))

try:
    show()
except TypeError as e:
    print(type(e).__name__, e)

try:
    @show.register
    def _(obj: 3):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Formatter:
    @singledispatchmethod
    def fmt(self, arg):
        return 'default'

    @fmt.register
    def _(self, arg: int):
        return f'int:{arg}'

    @fmt.register(str)
    def _(self, arg):
        return f'str:{arg}'

    @singledispatchmethod
    @classmethod
    def cfmt(cls, arg):
        return f'{cls.__name__} default'

    @cfmt.register(int)
    @classmethod
    def _(cls, arg):
        return f'{cls.__name__} int'

f = Formatter()
print(f.fmt(1), f.fmt('a'), f.fmt(2.0), Formatter.cfmt(1), Formatter.cfmt('x'))
print(Formatter.fmt.__name__)
