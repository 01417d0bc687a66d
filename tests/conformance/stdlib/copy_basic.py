import copy

l = [1, [2, 3], {'a': [4]}]
s = copy.copy(l)
d = copy.deepcopy(l)
print(s == l, s is l, s[1] is l[1], d == l, d[1] is l[1], d[2]['a'] is l[2]['a'])
for obj in [1, 2.5, 'str', b'b', (1, 2), frozenset({1}), None, True, range(3), len, int, Ellipsis]:
    print(type(obj).__name__, copy.copy(obj) is obj, copy.deepcopy(obj) is obj)
t = (1, [2])
print(copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy(t)[1] is t[1])
print(copy.deepcopy(frozenset({1, 2})) == frozenset({1, 2}))
st = {1, 2}
print(copy.copy(st) is st, copy.copy(st) == st, copy.deepcopy(st) == st)
ba = bytearray(b'xy')
print(copy.copy(ba) is ba, copy.copy(ba), copy.deepcopy(ba))
dd = {'k': [1]}
print(copy.copy(dd)['k'] is dd['k'], copy.deepcopy(dd)['k'] is dd['k'])

# shared and recursive structures
shared = [1]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp[0] is cp[1], cp[0] is shared)
rec = [1]
rec.append(rec)
rc = copy.deepcopy(rec)
print(rc[1] is rc, rc is rec)
rd = {}
rd['self'] = rd
print(copy.deepcopy(rd)['self'] is not rd)

memo = {}
a = [1]
b = copy.deepcopy([a, a], memo)
print(id(a) in memo, memo[id(a)] is b[0])
print(copy.Error.__name__, copy.error is copy.Error, issubclass(copy.Error, Exception))

# weak references and code objects are atomic
import weakref


class Referent:
    pass

target = Referent()
r = weakref.ref(target)
print(copy.copy(r) is r, copy.deepcopy(r) is r, copy.deepcopy([r])[0] is r)
def f():
    pass
print(copy.deepcopy(f.__code__) is f.__code__, copy.deepcopy(f) is f)
