l = [1, 2]
l.append(l)
print(l, repr(l), str(l))
d = {'self': None}
d['self'] = d
print(d)
a = [1]
b = [a]
a.append(b)
print(a, b)
t = ([],)
t[0].append(t)
print(t)
