print('pkg_cycle.b: start')
from pkg_cycle.a import A_VALUE
B_VALUE = 'b'
