x = 5
r = x is 5
print(type(r).__name__)
r = x is not "a"
print(r)
try:
    (1, 2)(3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2][3, 4]
except TypeError as e:
    print(type(e).__name__, e)
