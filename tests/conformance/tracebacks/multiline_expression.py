def f(a, b):
    return a / b
values = [
    f(1, 1),
    f(2, 0),
    f(3, 1),
]
