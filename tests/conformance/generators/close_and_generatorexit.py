def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('got GeneratorExit')
        raise
    finally:
        print('cleanup')
g = gen()
print(next(g))
g.close()
g.close()
print('closed twice fine')
try:
    next(g)
except StopIteration:
    print('exhausted after close')
g2 = gen()
g2.close()
print('closing an unstarted generator runs nothing')
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
