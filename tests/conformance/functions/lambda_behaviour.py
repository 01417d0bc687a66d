f = lambda x: x + 1
print(f.__name__, f(1))
print((lambda *a: sum(a))(1, 2, 3))
adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print([adders[n](10) for n in range(3)])
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, abs)(-5) + '!')
