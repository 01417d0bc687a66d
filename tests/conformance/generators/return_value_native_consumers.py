# A generator that returns a value ends the iteration of every native
# consumer (the StopIteration carrying the value is the end, as for
# CPython's PyIter_Next), while next() and `yield from` still see the value.
import itertools
import math


def gen():
    yield 1
    yield 2
    return "done"


print(list(gen()), tuple(gen()), sorted(gen()), set(gen()))
print(dict.fromkeys(gen()), dict(zip(gen(), gen())))
print(sum(gen()), min(gen()), max(gen()), any(gen()), all(gen()), math.prod(gen()))
print(bytes(gen()), bytearray(gen()), "-".join(str(x) for x in gen()))
print(list(enumerate(gen())), list(map(str, gen())), list(filter(None, gen())))
print(list(itertools.chain(gen(), gen())), list(itertools.islice(gen(), 5)))
l = [0]
l.extend(gen())
print(l)

g = gen()
next(g)
next(g)
try:
    next(g)
except StopIteration as e:
    print("next:", repr(e.value))
print(next(gen(), "default"))


def outer():
    result = yield from gen()
    print("yield from:", result)


print(list(outer()))
