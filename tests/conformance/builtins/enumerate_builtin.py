print(list(enumerate('abc')), list(enumerate('abc', start=10)), list(enumerate([], 5)))
for i, (a, b) in enumerate([(1, 2), (3, 4)], 1):
    print(i, a, b)
e = enumerate('xy')
print(next(e), next(e))
print(list(enumerate('ab', -2)))
