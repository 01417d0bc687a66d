import pkg_shapes.circle as c
print(c.area(1), c.__name__)
print('pkg_shapes' in dir(), 'c' in dir())
import pkg_shapes.square
print('pkg_shapes' in dir(), pkg_shapes.square.area(2))
from pkg_shapes import circle as circ, square
print(circ is c, square.area(4))
from pkg_shapes.sub import deep
print(deep.measure())
