print('pkg_cycle.a: start')
from pkg_cycle.b import B_VALUE
A_VALUE = 'a'
