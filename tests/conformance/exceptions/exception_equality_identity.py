a = ValueError('x')
b = ValueError('x')
print(a == b, a == a, a.args == b.args)
try:
    raise a
except ValueError as caught:
    print(caught is a)
