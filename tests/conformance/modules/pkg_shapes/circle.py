print('init pkg_shapes.circle, __package__ =', __package__)
PI = 3.14159
def area(r):
    return PI * r * r
