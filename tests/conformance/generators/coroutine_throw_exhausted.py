# throw() into a finished coroutine raises RuntimeError, as send() does; a
# finished generator re-raises what is thrown.
async def f():
    return 1
c = f()
try: c.send(None)
except StopIteration as e: print("stop", e.value)
for exc in (KeyError, GeneratorExit):
    try: c.throw(exc)
    except BaseException as e: print(type(e).__name__, e, repr(e.__context__))
c2 = f(); c2.close()
try: c2.throw(KeyError)
except BaseException as e: print(type(e).__name__, e)
try: c2.send(None)
except BaseException as e: print(type(e).__name__, e)
def g():
    yield 1
x = g(); x.close()
try: x.throw(KeyError)
except BaseException as e: print(type(e).__name__, e)
