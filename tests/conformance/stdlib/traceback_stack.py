# traceback.extract_stack, walk_stack, format_stack, print_stack and
# StackSummary.extract: the frames of the running stack.
import io
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(text):
    return text.replace(HERE, '$DIR')


def show(stack):
    for summary in stack:
        print(' ', os.path.basename(summary.filename), summary.lineno, summary.name,
              repr(summary.line), summary.colno, summary.end_colno, summary.locals)


def level3(limit=None):
    marker = 'deepest'
    print('extract_stack limit', limit)
    show(traceback.extract_stack(limit=limit))
    return traceback.format_stack(limit=limit)


def level2(limit=None):
    items = [1, 2]
    return level3(limit)


def level1(limit=None):
    return level2(limit)


chunks = level1()
for chunk in chunks:
    print(clean(chunk), end='')
for limit in (0, 1, 2, -1, -2, 100):
    print(len(level1(limit)))


# An explicit frame: the stack from the outermost frame down to it.
def caller_of(f):
    return f(sys._getframe())


def take(frame):
    return traceback.extract_stack(frame)


show(caller_of(take))
print(clean(''.join(traceback.format_stack(sys._getframe()))), end='')


# print_stack writes the same lines (to sys.stderr by default).
def printer():
    out = io.StringIO()
    traceback.print_stack(file=out)
    print(clean(out.getvalue()), end='')
    out = io.StringIO()
    traceback.print_stack(sys._getframe(), limit=1, file=out)
    print(clean(out.getvalue()), end='')


def printer_outer():
    printer()


printer_outer()


# walk_stack: (frame, f_lineno) from a frame out through its callers.
def walker():
    here = sys._getframe()
    for frame, lineno in traceback.walk_stack(here):
        print('walk_stack', frame.f_code.co_name, lineno == frame.f_lineno)
    # With None, walk_stack starts from the caller of its caller's caller.
    print([f.f_code.co_name for f, _ in traceback.walk_stack(None)])


def walker_outer():
    walker()


walker_outer()


# StackSummary.extract over walk_stack, with the frames' variables.
def with_locals(a, b=2):
    c = [a, b]
    d = {'key': (a, b)}
    summary = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()),
                                             capture_locals=True, limit=2)
    return summary


summary = with_locals('x')
print(summary[0].name, summary[0].locals)
print(summary[1].name, summary[1].locals['HERE'] == repr(HERE), summary[1].locals['with_locals'][:21])
print(clean(summary.format()[0]), end='')

summary = traceback.StackSummary.extract(traceback.walk_stack(sys._getframe()), lookup_lines=False)
print([s._line for s in summary], [s.line for s in summary])
summary = traceback.StackSummary.extract(iter([]))
print(summary, summary.format())

# extract takes any (frame, lineno) pairs.
frame = sys._getframe()
summary = traceback.StackSummary.extract([(frame, 5), (frame, 6)])
print([(s.lineno, s.line) for s in summary])
print(clean(''.join(summary.format())), end='')
