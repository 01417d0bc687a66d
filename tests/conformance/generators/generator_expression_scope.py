x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
items = [1, 2, 3]
g = (v for v in items)
items = ['replaced']
print(list(g))
print(sum(i * i for i in range(4)), any(v > 2 for v in [1, 3]), all(v for v in []))
