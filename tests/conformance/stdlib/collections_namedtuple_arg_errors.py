# Argument errors of a namedtuple's constructor name it Type.__new__.
from collections import namedtuple

Point = namedtuple('Point', ['x', 'y'])
for args in [(1,), (1, 2, 3)]:
    try:
        Point(*args)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    Point(1, 2, z=3)
except TypeError as e:
    print(type(e).__name__, e)
