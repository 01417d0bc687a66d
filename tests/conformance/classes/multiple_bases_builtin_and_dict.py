class Base:
    pass
class S(int, Base): pass
m = S(5)
m.x = 1
print(m.x, m + 1, vars(m))
class T(str, Base): pass
t = T("a")
t.y = 2
print(t.y, t)
