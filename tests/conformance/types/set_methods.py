s = {1, 2, 3}
s.add(4)
s.add(2)
s.discard(10)
s.remove(1)
print(sorted(s), len(s), 3 in s, 1 not in s)
print(sorted(s.union({9})), sorted(s.intersection({2, 3, 7})), sorted(s.difference({2})), sorted(s.symmetric_difference({2, 8})))
print(s.issubset({2, 3, 4, 5}), s.issuperset({2}), s.isdisjoint({0}), {1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1})
t = s.copy()
t.update([10, 11], (12,))
t.intersection_update(range(11))
print(sorted(t))
t.difference_update({2})
t.symmetric_difference_update({3, 99})
print(sorted(t))
p = {5}.pop()
print(p)
try:
    s.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
s.clear()
print(s, set(), repr(set()))
