def gen_factory():
    base = 100
    return (base + i for i in range(3))
print(list(gen_factory()))
def f():
    items = []
    for n in range(3):
        items.append((lambda: n, n))
    return [(g(), v) for g, v in items]
print(f())
