a = 1
del a
try:
    print(a)
except NameError as e:
    print(type(e).__name__, e)
def f():
    b = 2
    del b
    b = 3
    return b
print(f())
def g():
    global gv
    gv = 1
    del gv
g()
print('gv' in globals())
