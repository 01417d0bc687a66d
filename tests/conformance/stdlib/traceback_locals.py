# traceback with frame variables: TracebackException(capture_locals=True),
# the frames of a traceback (tb_frame: f_locals, f_lineno, f_back, clear())
# and traceback.clear_frames.
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(text):
    if not isinstance(text, str):
        text = ''.join(text)
    return text.replace(HERE, '$DIR')


class Shown:
    def __repr__(self):
        return '<Shown>'


class BadRepr:
    def __repr__(self):
        raise RuntimeError('no repr')


def inner(number, label='inner'):
    doubled = number * 2
    shown = Shown()
    return doubled / 0


def middle(values):
    count = len(values)
    return inner(count)


def handler():
    before = 'set before'
    try:
        middle([1, 2, 3])
    except ZeroDivisionError as error:
        after = 'set in the handler'
        te = traceback.TracebackException.from_exception(error, capture_locals=True)
        print(clean(te.format()), end='')
        print([summary.locals for summary in te.stack])
        print(clean(traceback.TracebackException.from_exception(error, capture_locals=True, limit=-1).format()), end='')
        tb = error.__traceback__
        print(tb.tb_frame.f_code.co_name, sorted(tb.tb_frame.f_locals))
        print(tb.tb_lineno, tb.tb_frame.f_lineno == sys._getframe().f_lineno)
        print(tb.tb_frame.f_back.f_code.co_name, tb.tb_frame.f_back is tb.tb_frame.f_back)
        frame = tb.tb_next.tb_frame
        print(frame.f_code.co_name, frame.f_locals, frame.f_lineno)
        print(frame.f_back is tb.tb_frame, tb.tb_next.tb_next.tb_frame.f_back is frame)
        print(sorted(tb.tb_next.tb_next.tb_frame.f_locals))
        try:
            tb.tb_frame.clear()
        except RuntimeError as problem:
            print('RuntimeError:', problem)
        return error


error = handler()
tb = error.__traceback__
print([sorted(frame.f_locals) for frame, _ in traceback.walk_tb(tb)][1:])
print(tb.tb_next.tb_next.tb_frame.f_locals['number'])

# capture_locals: each value's repr, in the Variables lines.
te = traceback.TracebackException.from_exception(error, capture_locals=True)
print([sorted(summary.locals) for summary in te.stack][1:])
print(clean(te.stack.format()[1:]), end='')

# clear_frames drops the variables of frames that have returned.
traceback.clear_frames(tb)
print([frame.f_locals for frame, _ in traceback.walk_tb(tb)][1:])
te = traceback.TracebackException.from_exception(error, capture_locals=True)
print([summary.locals for summary in te.stack][1:])
traceback.clear_frames(None)


# A repr that fails.
def broken():
    value = BadRepr()
    raise KeyError('broken')


try:
    broken()
except KeyError as error:
    try:
        traceback.TracebackException.from_exception(error, capture_locals=True)
    except RuntimeError as problem:
        print('RuntimeError:', problem)


# Module-level frames: their variables are the module's namespace.
def module_level():
    try:
        exec('hidden = 1\nvisible = 2\nraise ValueError(visible)', {'__name__': 'mod'})
    except ValueError as error:
        return error


error = module_level()
frame = error.__traceback__.tb_next.tb_frame
print(frame.f_code.co_name, sorted(name for name in frame.f_locals if not name.startswith('__')))


# Class bodies: the class namespace.
def class_body():
    try:
        class Body:
            attribute = 1
            raise TypeError('in a class body')
    except TypeError as error:
        return error


error = class_body()
frame = error.__traceback__.tb_next.tb_frame
print(frame.f_code.co_name, sorted(frame.f_locals))


# Closures: cells show their contents.
def closure():
    captured = 'cell value'

    def uses():
        return captured + 1
    return uses()


try:
    closure()
except TypeError as error:
    frames = [frame for frame, _ in traceback.walk_tb(error.__traceback__)]
    print([(frame.f_code.co_name, sorted(frame.f_locals), frame.f_locals['captured']) for frame in frames[1:]])
    te = traceback.TracebackException.from_exception(error, capture_locals=True)
    print([summary.locals['captured'] for summary in te.stack[1:]], te.stack[2].locals)


# Generators: the generator's frame.
def generator():
    state = 'inside'
    yield 1
    raise LookupError(state)


try:
    for _ in generator():
        pass
except LookupError as error:
    frame = error.__traceback__.tb_next.tb_frame
    print(frame.f_code.co_name, frame.f_locals)

# Objects stay alive as long as the traceback that holds their frame.
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print('deleted', self.name)


def holds(name):
    tracked = Tracked(name)
    raise ValueError(name)


try:
    holds('one')
except ValueError:
    print('handling one')
print('after one')
try:
    holds('two')
except ValueError as error:
    kept = error
print('after two')
del kept
print('end')
