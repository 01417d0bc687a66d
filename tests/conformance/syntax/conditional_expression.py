for x in (-1, 0, 1):
    print('neg' if x < 0 else 'zero' if x == 0 else 'pos')
f = lambda v: 'even' if v % 2 == 0 else 'odd'
print([f(i) for i in range(4)])
def side(v):
    print('side', v)
    return v
print(side(1) if side(True) else side(2))
print(side(1) if side(False) else side(2))
