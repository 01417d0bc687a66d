global x
x = 1
print(x)
def f():
    global x
    x += 1
f()
print(x)
