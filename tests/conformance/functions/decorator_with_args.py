def repeat(n):
    print('making decorator', n)
    def deco(fn):
        print('decorating', fn.__name__)
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hi(name):
    return 'hi ' + name
print(hi('bob'))
