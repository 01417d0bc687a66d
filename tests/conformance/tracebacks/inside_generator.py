def numbers():
    yield 1
    yield 2
    raise StopIteration('explicit stop in a generator')
for n in numbers():
    print(n)
