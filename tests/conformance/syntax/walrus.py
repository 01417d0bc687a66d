data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 10])
print(y)
while (chunk := data.pop()) != 12:
    print('chunk', chunk)
print(data)
print((z := 5) + z)
def f():
    [w := i for i in range(3)]
    return w
print(f())
