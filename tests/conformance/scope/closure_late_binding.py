fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = []
for i in range(3):
    fs.append(lambda i=i: i)
print([f() for f in fs])
def make(n):
    return lambda: n
print([make(i)() for i in range(3)])
def cells():
    x = 1
    f = lambda: x
    x = 2
    return f
print(cells()())
