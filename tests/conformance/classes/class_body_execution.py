print('before class')
class C:
    print('executing class body')
    x = 1
    for i in range(3):
        x *= 2
    del i
    if x > 4:
        big = True
print('after class', C.x, C.big, hasattr(C, 'i'))
def factory(n):
    class Dyn:
        value = n
    return Dyn
print(factory(1).value, factory(2).value, factory(1) is factory(1))
