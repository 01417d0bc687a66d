import sys
sys.setrecursionlimit(100)
def recurse(n):
    return recurse(n + 1)
recurse(0)
