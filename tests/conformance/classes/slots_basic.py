class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p.y
except AttributeError as e:
    print(type(e).__name__, e)
p.y = 2
del p.x
print(p.y, hasattr(p, 'x'))
class Q(P):
    pass
q = Q(1)
q.z = 'subclass without slots has a dict'
print(q.z, type(P.__dict__['x']).__name__)
