def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'
g = stubborn()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(type(e).__name__, e)
def returns_on_exit():
    try:
        yield 1
    except GeneratorExit:
        return 'ignored'
g = returns_on_exit()
next(g)
print(g.close())
