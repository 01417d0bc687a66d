class MyList(list):
    def sum(self):
        return sum(self)
class MyDict(dict):
    def __missing__(self, key):
        return f'missing {key}'
class MyStr(str):
    def shout(self):
        return self.upper() + '!'
class MyInt(int):
    def __repr__(self):
        return f'MyInt({int(self)})'
l = MyList([1, 2, 3])
l.append(4)
print(l, l.sum(), type(l).__name__, type(l + l).__name__, isinstance(l, list))
d = MyDict(a=1)
print(d['a'], d['b'], d.get('b'), 'b' in d)
s = MyStr('hi')
print(s.shout(), type(s + 'x').__name__, type(s.upper()).__name__)
n = MyInt(5)
print(repr(n), n + 1, type(n + 1).__name__, repr(n))
