def f(a):
    pass
try:
    f(1, b=2)
except TypeError as e:
    print(e)
try:
    f(a=1, a2=2, a3=3)
except TypeError as e:
    print(e)
try:
    len(obj=[1])
except TypeError as e:
    print(e)
