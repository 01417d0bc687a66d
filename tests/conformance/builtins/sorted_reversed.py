print(sorted([3, 1, 2]), sorted('hello'), sorted({'b': 1, 'a': 2}.items()), sorted([1, 2, 3], reverse=True))
print(sorted(['aa', 'b', 'ccc'], key=len), sorted([-3, 1, -2], key=abs))
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(3))), list(reversed((1, 2))))
class R:
    def __reversed__(self):
        return iter(['custom'])
print(list(reversed(R())))
for bad in ({1, 2}, iter([1])):
    try:
        reversed(bad)
    except TypeError as e:
        print(type(e).__name__, e)
