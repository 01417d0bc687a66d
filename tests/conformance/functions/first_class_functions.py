def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(str.upper, 'x'))
ops = {'add': lambda a, b: a + b, 'mul': lambda a, b: a * b}
print({k: v(3, 4) for k, v in ops.items()})
def outer():
    def inner():
        return 'inner'
    return inner
print(outer()(), callable(outer), callable(3))
print(list(map(len, ['a', 'bb'])), sorted([3, 1, 2], key=lambda v: -v))
