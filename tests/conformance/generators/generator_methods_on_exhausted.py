def gen():
    yield 1
g = gen()
list(g)
for call in (lambda: next(g), lambda: g.send(None), lambda: g.throw(ValueError('late'))):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(g.close())
