# traceback.TracebackException and the exception functions built on it:
# format_exception, print_exception, format_exception_only, format_exc,
# print_exc, print_last; causes, contexts, chain=False, limits.
import io
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(text):
    if not isinstance(text, str):
        text = ''.join(text)
    return text.replace(HERE, '$DIR')


def show(title, text):
    print('---', title)
    print(clean(text), end='')


def parse(text):
    return int(text)


def load(text):
    try:
        return parse(text)
    except ValueError as error:
        raise LookupError('cannot load %r' % text) from error


def load_quietly(text):
    try:
        return parse(text)
    except ValueError:
        raise KeyError(text) from None


def handle(text):
    try:
        load(text)
    except LookupError:
        return {}[text]


def catch(function, *args):
    try:
        function(*args)
    except BaseException as error:
        return error


error = catch(handle, 'x')
te = traceback.TracebackException.from_exception(error)
print(te.exc_type.__name__, str(te), te._str, type(te.stack).__name__, len(te.stack))
print(type(te.__context__).__name__, te.__context__.exc_type.__name__, te.__cause__)
print(te.__context__.__cause__.exc_type.__name__, te.__context__.__cause__.__cause__)
print(te.__suppress_context__, te.__context__.__suppress_context__, te.__notes__, te.exceptions)
print([s.name for s in te.stack], [s.name for s in te.__context__.__cause__.stack])
show('format', te.format())
show('format chain=False', te.format(chain=False))
show('format_exception_only', te.format_exception_only())
print(list(te.format()) == traceback.format_exception(error))
print(te == traceback.TracebackException.from_exception(error), te == 5, te != te)

out = io.StringIO()
te.print(file=out)
print(out.getvalue() == ''.join(te.format()))
out = io.StringIO()
te.print(file=out, chain=False)
print(out.getvalue() == ''.join(te.format(chain=False)))

# Each format() chunk, as a list.
for chunk in traceback.format_exception(error):
    print(repr(clean(chunk)))

show('from None', traceback.format_exception(catch(load_quietly, 'y')))
show('cause only', traceback.format_exception(catch(load, 'z')))
show('limit=1', traceback.format_exception(error, limit=1))
show('limit=-1', traceback.format_exception(error, limit=-1))
show('limit=0', traceback.format_exception(error, limit=0))
show('chain=False', traceback.format_exception(error, chain=False))
te = traceback.TracebackException.from_exception(error, limit=1)
print([s.name for s in te.stack], [s.name for s in te.__context__.stack])

# compact: the context that is not printed is not converted.
quiet = catch(load_quietly, 'q')
print(traceback.TracebackException.from_exception(quiet).__context__ is not None,
      traceback.TracebackException.from_exception(quiet, compact=True).__context__)
te = traceback.TracebackException.from_exception(catch(load, 'c'), compact=True)
print(te.__cause__ is not None, te.__context__)

# The three-argument forms and their checks.
exc_info = (type(error), error, error.__traceback__)
print(traceback.format_exception(*exc_info) == traceback.format_exception(error))
print(clean(traceback.format_exception(type(error), error, None)))
print(traceback.format_exception(None, error, None)[-1], end='')
print(traceback.format_exception_only(type(error), error))
print(traceback.format_exception_only(error), traceback.format_exception_only(None))
print(traceback.format_exception(None), traceback.format_exception(None, None, None))
for call in (lambda: traceback.format_exception(5),
             lambda: traceback.format_exception(ValueError, ValueError()),
             lambda: traceback.print_exception(ValueError, tb=None),
             lambda: traceback.format_exception_only(ValueError, 5)):
    try:
        call()
    except Exception as problem:
        print(type(problem).__name__, problem)

out = io.StringIO()
traceback.print_exception(error, file=out, limit=2, chain=False)
show('print_exception', out.getvalue())
out = io.StringIO()
traceback.print_exception(*exc_info, file=out)
print(out.getvalue() == ''.join(traceback.format_exception(error)))

# format_exc and print_exc: the exception being handled.
print(repr(traceback.format_exc()))
try:
    handle('w')
except KeyError:
    text = traceback.format_exc()
    show('format_exc', text)
    show('format_exc limit', traceback.format_exc(limit=1, chain=False))
    out = io.StringIO()
    traceback.print_exc(file=out)
    print(out.getvalue() == text)
    out = io.StringIO()
    traceback.print_exc(limit=-1, file=out, chain=False)
    show('print_exc', out.getvalue())

# print_last: the last uncaught exception, as the interactive shell keeps it.
try:
    traceback.print_last()
except ValueError as problem:
    print('print_last:', problem)
sys.last_type, sys.last_value, sys.last_traceback = exc_info
out = io.StringIO()
traceback.print_last(file=out, chain=False)
show('print_last', out.getvalue())
del sys.last_type, sys.last_value, sys.last_traceback

# Exceptions without a traceback, with an empty message, from other modules.
show('no traceback', traceback.format_exception(RuntimeError('plain')))
show('empty message', traceback.format_exception(ValueError()))
show('empty str', traceback.format_exception(KeyError('')))
import json
show('module type', traceback.format_exception_only(catch(json.loads, '{')))


class Local(Exception):
    class Inner(Exception):
        pass


show('nested class', traceback.format_exception_only(Local.Inner('deep')))


class BadStr(Exception):
    def __str__(self):
        raise RuntimeError('no')


show('bad str', traceback.format_exception_only(BadStr()))
te = traceback.TracebackException.from_exception(BadStr())
print(str(te))


class Weird(Exception):
    pass


Weird.__module__ = None
show('no module', traceback.format_exception_only(Weird('odd')))

# A cycle of contexts ends where an exception comes back.
first = ValueError('first')
second = TypeError('second')
first.__context__ = second
second.__context__ = first
show('cycle', traceback.format_exception(first))
te = traceback.TracebackException.from_exception(first)
print(te.__context__.exc_type.__name__, te.__context__.__context__)

# BaseException subclasses, exit codes.
show('system exit', traceback.format_exception_only(SystemExit(3)))


def interrupt():
    raise KeyboardInterrupt


show('keyboard', traceback.format_exception(catch(interrupt)))
