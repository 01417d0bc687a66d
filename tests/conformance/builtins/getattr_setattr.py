class C:
    x = 1
c = C()
print(getattr(c, 'x'), getattr(c, 'y', 'dflt'), hasattr(c, 'x'), hasattr(c, 'y'))
setattr(c, 'y', 2)
print(c.y, vars(c))
delattr(c, 'y')
print(hasattr(c, 'y'))
try:
    getattr(c, 'nope')
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, 'x')
except AttributeError as e:
    print(type(e).__name__, e)
class Raises:
    @property
    def boom(self):
        raise ValueError('not an AttributeError')
try:
    hasattr(Raises(), 'boom')
except ValueError as e:
    print('hasattr propagates', type(e).__name__)
