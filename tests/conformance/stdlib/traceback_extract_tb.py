# traceback.extract_tb, walk_tb, FrameSummary and StackSummary, format_tb,
# print_tb, format_list, print_list: the frames of a caught exception.
import io
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(text):
    return text.replace(HERE, '$DIR')


def innermost(values):
    return values['missing'] + 1


def middle(values):
    total = 0
    total += innermost(values)
    return total


def outer():
    return middle({'present': 1})


try:
    outer()
except KeyError as error:
    caught = error

tb = caught.__traceback__

# walk_tb: (frame, lineno) from the outermost entry in.
for frame, lineno in traceback.walk_tb(tb):
    print('walk_tb', frame.f_code.co_name, lineno, lineno == frame.f_lineno or frame.f_code.co_name)

stack = traceback.extract_tb(tb)
print(type(stack).__name__, len(stack), isinstance(stack, list))
for summary in stack:
    print(os.path.basename(summary.filename), summary.lineno, summary.end_lineno,
          summary.colno, summary.end_colno, summary.name, repr(summary.line), summary.locals)

# A FrameSummary is also a 4-tuple (filename, lineno, name, line).
last = stack[-1]
filename, lineno, name, line = last
print(os.path.basename(filename), lineno, name, line)
print(len(last), last[1], last[2], last[-1], last[1:3], list(last)[1:])
print(last == (last.filename, last.lineno, last.name, last.line))
print(last == stack[-1], last != stack[0], last == 5, (last == None))
print(clean(repr(last)))
print(last.__hash__ is None)

# format_tb and print_tb: one string per frame, with caret lines.
for chunk in traceback.format_tb(tb):
    print(clean(chunk), end='')
out = io.StringIO()
traceback.print_tb(tb, file=out)
print(clean(out.getvalue()) == clean(''.join(traceback.format_tb(tb))))

# Limits: positive keeps the oldest, negative the newest.
for limit in (None, 0, 1, 2, 3, 10, -1, -2, -3, -10):
    names = [s.name for s in traceback.extract_tb(tb, limit=limit)]
    chunks = traceback.format_tb(tb, limit=limit)
    print('limit', limit, names, len(chunks))

# sys.tracebacklimit applies when no limit is given (a negative one means 0).
for value in (2, 0, -5):
    sys.tracebacklimit = value
    print('tracebacklimit', value, [s.name for s in traceback.extract_tb(tb)],
          [s.name for s in traceback.extract_tb(tb, limit=-1)])
del sys.tracebacklimit

print(traceback.extract_tb(None), traceback.format_tb(None))

# format_list / print_list take FrameSummary objects or plain tuples.
entries = [('spam.py', 3, 'eggs', 'x = 1'), ('ham.py', 10, '<module>', ''),
           ('nofile.py', 7, 'f', None), last]
for chunk in traceback.format_list(entries):
    print(clean(chunk), end='')
out = io.StringIO()
traceback.print_list(entries[:2], file=out)
print(repr(out.getvalue()))

summary = traceback.StackSummary.from_list(entries[:3])
print(type(summary).__name__, [type(s).__name__ for s in summary], summary[0].line, repr(summary[2].line))
print(summary.format() == traceback.format_list(entries[:3]))

# A FrameSummary made by hand.
fs = traceback.FrameSummary('made.py', 12, 'func', line='  value = compute(x)  \n')
print(repr(fs.line), fs.end_lineno, fs.colno, fs.end_colno, fs.locals)
fs = traceback.FrameSummary('made.py', 12, 'func', lookup_line=False)
print(repr(fs._line), repr(fs.line))
fs = traceback.FrameSummary('made.py', None, 'func')
print(repr(fs.line), list(fs))
fs = traceback.FrameSummary('made.py', 1, 'func', line='x', locals={'b': [1, 2], 'a': 'text'})
print(fs.locals)
print(fs == traceback.FrameSummary('made.py', 1, 'func', line='y', locals={'b': [1, 2], 'a': 'text'}))
print(fs == traceback.FrameSummary('made.py', 1, 'func', line='x'))
print(''.join(traceback.format_list([fs])), end='')


# format_frame_summary can be overridden; None leaves a frame out.
class OnlyNames(traceback.StackSummary):
    def format_frame_summary(self, frame_summary):
        if frame_summary.name == 'middle':
            return None
        return '[%s]\n' % frame_summary.name


print(OnlyNames(stack).format())
print(OnlyNames.from_list(entries).__class__.__name__)
