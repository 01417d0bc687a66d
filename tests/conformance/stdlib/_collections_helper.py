from collections import namedtuple

Remote = namedtuple('Remote', 'a b')
