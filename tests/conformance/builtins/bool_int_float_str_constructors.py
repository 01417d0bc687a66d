print(bool(), int(), float(), str(), complex(), list(), tuple(), dict(), set(), frozenset(), bytes(), bytearray())
print(int(' 42\n'), float(' 1.5\t'), str(1.5), str([1, 'a']), str({'a': None}), str((1,)))
print(int(x=5) if False else 'int() takes base only as keyword:', int('11', base=2))
try:
    int('5', bas=10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    float('1', '2')
except TypeError as e:
    print(type(e).__name__, e)
