import sys
print(sys.getrecursionlimit())
depth = 0
def dive():
    global depth
    depth += 1
    dive()
try:
    dive()
except RecursionError as e:
    print(type(e).__name__, e)
    print(isinstance(e, RuntimeError), 900 < depth <= 1000)
sys.setrecursionlimit(120)
depth = 0
try:
    dive()
except RecursionError as e:
    print(type(e).__name__, 60 < depth <= 120)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
def fine(n):
    return 0 if n == 0 else 1 + fine(n - 1)
print(fine(500))
