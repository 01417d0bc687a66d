from collections import UserDict, UserList, UserString
import collections.abc as cabc

d = UserDict({'a': 1}, b=2)
print(d, d.data, len(d), d['a'], 'b' in d, d.get('z', 0), list(d), isinstance(d, cabc.MutableMapping))
d['c'] = 3
del d['a']
print(d, d.pop('b'), d.setdefault('q', 7), d)
print(d | {'z': 1}, {'z': 1} | d, type(d | {}).__name__, UserDict.fromkeys('ab'))
c = d.copy()
c['new'] = 1
print(d, c, type(c).__name__)
try:
    d['missing']
except KeyError as e:
    print(type(e).__name__, e)
class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __missing__(self, key):
        return 'none'
l = Lower(A=1)
l.update({'B': 2})
print(l, l['zz'], l.copy(), type(l.copy()).__name__)

ul = UserList([3, 1, 2])
print(ul, len(ul), ul[0], ul[1:], type(ul[1:]).__name__, ul + [4], [0] + ul, ul * 2)
ul.append(5); ul.extend([6]); ul.insert(0, 0); ul.sort()
print(ul, ul.pop(), ul.index(2), ul.count(1), 3 in ul, ul == [0, 1, 2, 3, 5], ul < [9])
ul.reverse(); ul.remove(3)
print(ul, isinstance(ul, cabc.MutableSequence), UserList(), UserList(ul).data is ul.data)
ul += [7]
ul *= 2
print(ul, list(reversed(ul)))
del ul[0]
ul[0] = 'x'
print(ul, ul.copy(), type(ul.copy()).__name__)
ul.clear()
print(ul)

s = UserString('Hello')
print(s, repr(s), len(s), s[1], s[1:3], s + '!', 'x' + s, s * 2, s.upper(), s.lower(), type(s.upper()).__name__)
print(s == 'Hello', s < 'Z', 'ell' in s, s.find('l'), s.replace('l', 'L'), s.split('l'), s.startswith('He'))
print(s.center(9, '*'), s.zfill(7), s.strip('Ho'), s.count('l'), s.encode(), int(UserString('42')) + 1)
print(UserString('%s-%d') % ('a', 3), hash(s) == hash('Hello'), sorted([UserString('b'), UserString('a')]))
print(isinstance(s, cabc.Sequence), s.isalpha(), s.join(['1', '2']), list(s))
