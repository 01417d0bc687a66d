# range works with ints of any size; iterators switch to big-int arithmetic
# when the values leave the 64-bit range.
r = range(2 ** 63 - 3, 2 ** 63 + 2)
print(list(r), type(iter(r)).__name__)
print(list(reversed(r)), type(reversed(r)).__name__)
print(list(range(-2 ** 63 + 2, -2 ** 63 - 2, -1)))
print(type(iter(range(10))).__name__, type(reversed(range(10))).__name__)
big = range(-10 ** 20, 10 ** 20, 10 ** 19)
print(len(big), big[5], big[-1], big[3:7], big[::-5], 10 ** 19 in big, big.index(0), big.count(-10 ** 20))
print(hash(range(0)) == hash(range(5, 5)), hash(range(1, 2)) == hash(range(1, 9, 3)), range(0, 10, 3) == range(0, 11, 3))
print(iter(range(10 ** 20)).__length_hint__(), reversed(range(3)).__length_hint__())
print(range(10)[-100:100], range(10, 0, -3)[1:], list(range(10, 0, -3)[::-1]))
