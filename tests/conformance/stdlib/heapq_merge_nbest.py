import heapq
from heapq import merge, nlargest, nsmallest

print(list(merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15])))
print(list(merge()), list(merge([])), list(merge([], [1], [])), list(merge([2])))
print(list(merge([5, 3, 1], [4, 2], reverse=True)))
print(list(merge(['a1', 'b1'], ['a2', 'b2', 'c2'], key=lambda s: s[0])))
print(list(merge([(1, 'x'), (2, 'x')], [(1, 'y'), (2, 'y')], key=lambda t: t[0])))
print(list(merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)))
print(list(merge([3, 2], [1], key=lambda x: -x, reverse=False)))
it = merge(iter([1, 4]), iter([2, 3]))
print(next(it), next(it), list(it))

nums = [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]
print(nlargest(3, nums), nsmallest(3, nums), nlargest(1, nums), nsmallest(1, nums))
print(nlargest(0, nums), nsmallest(-1, nums), nlargest(20, nums), nsmallest(20, nums))
print(nlargest(3, []), nsmallest(1, []), nlargest(2, iter(nums)))
people = [('ann', 30), ('bob', 25), ('cy', 30), ('di', 25), ('ed', 40), ('fa', 30)]
print(nlargest(3, people, key=lambda p: p[1]), nsmallest(3, people, key=lambda p: p[1]))
print(nsmallest(4, people, key=lambda p: p[1]), nlargest(4, people, key=lambda p: p[1]))
for n in range(1, 8):
    assert nlargest(n, people, key=lambda p: p[1]) == sorted(people, key=lambda p: p[1], reverse=True)[:n]
    assert nsmallest(n, people, key=lambda p: p[1]) == sorted(people, key=lambda p: p[1])[:n]
print(nsmallest(2, 'hello'), nlargest(2, {'a': 1, 'c': 2, 'b': 3}))
print(nsmallest(2, [1j, 2j], key=abs))
