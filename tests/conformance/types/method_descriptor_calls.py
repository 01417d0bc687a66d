# Built-in methods called through their descriptors, as `s.upper()` and
# `str.upper(s)` do: exact instances, subclasses, the wrong type, the wrong
# number of arguments, keywords, and errors the method itself raises.
print('ab'.upper(), str.upper('cd'), [3, 1, 2].index(1), {'a': 1}.get('a'), {'a': 1}.get('b', 0))
class S(str):
    def upper(self):
        return 'S.upper'
class T(str):
    pass
print(S('x').upper(), str.upper(S('x')), T('y').upper(), str.upper(T('y')))
for call in (lambda: str.upper(1), lambda: str.upper(), lambda: 'a'.upper(1),
             lambda: [].append(), lambda: [].append(1, 2), lambda: list.append([], 1, 2),
             lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: [].index(5),
             lambda: 'a'.split(sep=None, maxsplit='x'), lambda: dict.fromkeys(),
             lambda: str.maketrans(), lambda: list.append(()), lambda: [].pop(),
             lambda: 'abc'.encode(encoding='nope')):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
xs = []
for i in range(5):
    xs.append(i)
    list.append(xs, -i)
print(xs, 'a,b'.split(','), 'a b'.split(maxsplit=1), dict.fromkeys('ab', 0), str.maketrans('a', 'b'))
def sort_key(v):
    return -v
ys = [3, 1, 2]
ys.sort(key=sort_key)
print(ys)
