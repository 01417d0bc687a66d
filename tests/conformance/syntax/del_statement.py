x = 1
del x
print('x' in globals())
l = [0, 1, 2, 3, 4, 5]
del l[1], l[2]
print(l)
del l[::2]
print(l)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
class O:
    pass
o = O()
o.attr = 1
del o.attr
print(hasattr(o, 'attr'))
a, b = 1, 2
del (a, b)
print('a' in globals(), 'b' in globals())
try:
    del d['zz']
except KeyError as e:
    print(type(e).__name__, e)
