words = ['banana', 'Apple', 'cherry', 'apple', 'Banana']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, 'b'), (0, 'a'), (1, 'a'), (0, 'b')]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[0], reverse=True))
l = [5, 2, 8, 1]
print(l.sort(), l)
l.sort(reverse=True)
print(l)
try:
    [1, 'a', 2].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    l.sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([3, 1, 2], key=None), sorted([]), sorted('bca'), sorted({3: 'x', 1: 'y'}))
