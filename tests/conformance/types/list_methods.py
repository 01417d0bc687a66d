l = [3, 1, 2]
l.append(4)
l.extend([5, 6])
l.insert(0, 0)
l.insert(100, 'end')
l.insert(-1, 'before end')
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(2)
print(l, l.index(5), l.count(1), l.index(1, 1))
c = l.copy()
c.reverse()
print(c, l)
c.clear()
print(c, len(l))
try:
    l.remove(99)
except ValueError as e:
    print(type(e).__name__, e)
try:
    [].pop()
except IndexError as e:
    print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print(type(e).__name__, e)
try:
    l.index(99)
except ValueError as e:
    print(type(e).__name__, e)
