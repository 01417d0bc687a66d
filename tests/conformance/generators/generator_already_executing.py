def gen():
    yield me.send(None)
me = gen()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)
