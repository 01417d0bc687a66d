import sys

def inner(a, b=2):
    total = a + b
    frame = sys._getframe()
    print(frame.f_code.co_name, frame.f_back.f_code.co_name, frame.f_back.f_back.f_code.co_name)
    print(sorted(k for k in frame.f_locals if k != "frame"), frame.f_locals["total"])
    caller = sys._getframe(1)
    print(caller.f_code.co_name, caller.f_lineno, caller.f_globals is globals())
    return frame

def outer():
    marker = "outer's local"
    return inner(1)

f = outer()
print(f.f_back.f_locals["marker"])
print(type(f).__name__, f.f_back.f_back.f_back)

def depth():
    n = 0
    frame = sys._getframe()
    while frame is not None:
        n += 1
        frame = frame.f_back
    return n

print(depth())
for bad in (100, "x"):
    try:
        sys._getframe(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

class C:
    print("class body:", sys._getframe().f_code.co_name, sys._getframe(1).f_code.co_name)

def caller_name():
    return sys._getframe(1).f_code.co_name

def some_function():
    return caller_name()

print(some_function())
