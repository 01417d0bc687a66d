print(hash(0), hash(1), hash(-1), hash(-2), hash(10 ** 20) == hash(10 ** 20 % (2 ** 61 - 1)))
print(hash((1, 2, 3)), hash(()), hash((1,)), hash(1.0), hash(1.5), hash(-0.0), hash(True), hash(None) == hash(None))
print(hash(frozenset()), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(float('inf')), hash(float('-inf')))
for bad in ([], {}, set(), bytearray()):
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
