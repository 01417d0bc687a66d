# sys.settrace: 'call', 'line', 'return' and 'exception' events as CPython
# sends them, the local trace function returned from 'call', and what the
# trace function sees of the frame.
import sys

events = []


def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_filename != __file__:
        return None
    line = frame.f_lineno - code.co_firstlineno
    if event == "exception":
        arg = arg[0].__name__
    events.append((code.co_name, event, line, arg))
    return tracer


def add(a, b):
    total = a + b
    return total


def loop(n):
    s = 0
    for i in range(n):
        s += i
    return s


def fails():
    x = 1
    raise ValueError("bad")


def catches():
    try:
        fails()
    except ValueError:
        return "caught"


def gen():
    yield 1
    yield 2


def show(title):
    print(title)
    for event in events:
        print("  ", event)
    events.clear()


sys.settrace(tracer)
add(1, 2)
sys.settrace(None)
show("add")

sys.settrace(tracer)
loop(3)
sys.settrace(None)
show("loop")

sys.settrace(tracer)
catches()
sys.settrace(None)
show("exception")

sys.settrace(tracer)
for value in gen():
    pass
sys.settrace(None)
show("generator")

print(sys.gettrace())
sys.settrace(tracer)
print(sys.gettrace() is tracer)
sys.settrace(None)
print(sys.gettrace())


# Only 'call' events: the trace function returns None.
def calls_only(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append((frame.f_code.co_name, event))


sys.settrace(calls_only)
add(3, 4)
loop(2)
sys.settrace(None)
show("calls only")


# f_locals and f_back seen from the trace function.
def locals_tracer(frame, event, arg):
    if frame.f_code.co_name == "add":
        events.append((event, dict(frame.f_locals), frame.f_back.f_code.co_name))
        return locals_tracer


def caller():
    return add(5, 6)


sys.settrace(locals_tracer)
caller()
sys.settrace(None)
show("locals")


# A trace function that raises is removed, and the exception propagates.
def bad_tracer(frame, event, arg):
    if frame.f_code.co_name == "add":
        raise RuntimeError("tracer failed")


sys.settrace(bad_tracer)
try:
    add(1, 1)
except RuntimeError as e:
    print("raised:", e)
print(sys.gettrace())

for call in [lambda: sys.settrace(), lambda: sys.setprofile(1, 2), lambda: sys.gettrace(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
