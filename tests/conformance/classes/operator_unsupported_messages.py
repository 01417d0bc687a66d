class A: pass
class B: pass
tests = [
    lambda: A() + B(),
    lambda: A() - 1,
    lambda: 1 * A(),
    lambda: A() @ A(),
    lambda: A() < B(),
    lambda: A() >= 1,
    lambda: -A(),
    lambda: ~A(),
    lambda: abs(A()),
    lambda: A() ** 2,
    lambda: divmod(A(), 1),
    lambda: pow(A(), 2, 3),
    lambda: A()[0],
    lambda: A()(),
    lambda: len(A()),
    lambda: iter(A()),
    lambda: 1 in A(),
    lambda: [] < (),
    lambda: None + None,
    lambda: 'a' < 1,
    lambda: {} | [],
    lambda: [1] - [1],
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
x = A()
try:
    x += B()
except TypeError as e:
    print(e)
try:
    x @= 1
except TypeError as e:
    print(e)
try:
    del x[0]
except TypeError as e:
    print(e)
try:
    x[0] = 1
except TypeError as e:
    print(e)
