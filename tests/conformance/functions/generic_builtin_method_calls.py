s = 'a,b,c'
split = s.split
print(split(','), str.split(s, ','))
append = [].append
print(append(1))
print(str.upper('x'), int.__add__(2, 3), list.__len__([1, 2]))
print((3).__add__(4), (3).__radd__(4), (3).__add__('x'))
