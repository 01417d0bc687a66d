from operator import length_hint


print(length_hint([1, 2, 3]), length_hint('abcd'), length_hint(iter([1, 2])),
      length_hint(iter(range(10))), length_hint(x for x in 'ab'), length_hint(5, 7))


class Hint:
    def __init__(self, value):
        self.value = value
    def __length_hint__(self):
        return self.value

print(length_hint(Hint(4)), length_hint(Hint(NotImplemented), 9))
for bad in ['x', -1]:
    try:
        length_hint(Hint(bad))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    length_hint([], 'x')
except TypeError as e:
    print(type(e).__name__, e)


class Sized:
    def __len__(self):
        return 11
    def __length_hint__(self):
        return 99
print(length_hint(Sized()))
