print(callable(len), callable(lambda: 0), callable(int), callable(5), callable('s'), callable(print))
print(any([]), any([0, '', 1]), all([]), all([1, 'a']), all([1, 0]), any(iter([None, 0])))
def noisy(v):
    print('check', v)
    return v
print(any(noisy(v) for v in [0, 1, 2]), all(noisy(v) for v in [1, 0, 2]))
