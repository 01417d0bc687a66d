import sys
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None
    def __repr__(self):
        return f'D({self.child!r})'
print(Deep(3))
deep = Deep(200)
sys.setrecursionlimit(60)
try:
    repr(deep)
except RecursionError as e:
    print('RecursionError raised')
