s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(6), slice(None).indices(4), slice(-3, None).indices(10), slice(None, None, -1).indices(5))
print(list(range(20))[s], 'abcdefghij'[slice(-3, None)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    slice(0, 1, 0).indices(5)
except ValueError as e:
    print(type(e).__name__, e)
class Show:
    def __getitem__(self, key):
        return key
print(Show()[1:2], Show()[::3], Show()[1:2, 3], Show()[:])
