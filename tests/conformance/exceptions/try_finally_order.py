def f():
    try:
        print('try')
        return 'from try'
    finally:
        print('finally')
print(f())
try:
    try:
        raise KeyError('x')
    finally:
        print('cleanup during propagation')
except KeyError:
    print('propagated')
