# sys.setprofile: 'call' and 'return' events for Python functions,
# 'c_call', 'c_return' and 'c_exception' for the built-in functions they
# call, and settrace's local trace functions set through frame.f_trace.
import sys

events = []


def profiler(frame, event, arg):
    if frame.f_code.co_filename == __file__ and event in ("call", "return"):
        events.append((frame.f_code.co_name, event, arg))


def inner(x):
    return x * 2


def outer(x):
    return inner(x) + 1


def gen():
    yield "a"
    return "done"


sys.setprofile(profiler)
outer(5)
list(gen())
sys.setprofile(None)
for event in events:
    print(event)
print(sys.getprofile())
events.clear()


def native_events(frame, event, arg):
    if event.startswith("c_"):
        events.append((frame.f_code.co_name, event, arg.__name__))


def uses_builtins(items):
    total = len(items) + max(items)
    try:
        int("x")
    except ValueError:
        pass
    return sorted(items, key=abs), total


sys.setprofile(native_events)
uses_builtins([3, -1, 2])
sys.setprofile(None)
for event in events:
    print(event)
events.clear()


# A local trace function set on a frame object is called for its lines.
def local(frame, event, arg):
    events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return local


def global_trace(frame, event, arg):
    if frame.f_code.co_name == "traced":
        frame.f_trace = local
        print("f_trace set:", frame.f_trace is local, frame.f_trace_lines)
    return None


def traced():
    a = 1
    b = 2
    return a + b


sys.settrace(global_trace)
traced()
sys.settrace(None)
for event in events:
    print(event)
