x = 'outer'
print([x for x in range(3)])
print(x)
y = 10
print([y + i for i in range(3)])
print([i for i in range(3)], 'i' in dir())
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
z = [1, 2]
print([z for z in z])
