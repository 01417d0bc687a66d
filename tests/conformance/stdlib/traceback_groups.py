# traceback with exception groups: the boxes of format_exception and
# TracebackException.format, TracebackException.exceptions, nested groups,
# max_group_width, max_group_depth, notes and chains inside groups.
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(text):
    if not isinstance(text, str):
        text = ''.join(text)
    return text.replace(HERE, '$DIR')


def show(title, text):
    print('---', title)
    print(clean(text), end='')


def fail(kind, message):
    raise kind(message)


def gather(*errors):
    collected = []
    for kind, message in errors:
        try:
            fail(kind, message)
        except Exception as error:
            collected.append(error)
    return collected


def raise_group():
    raise ExceptionGroup('several', gather((ValueError, 'v'), (TypeError, 't')))


def catch(function, *args):
    try:
        function(*args)
    except BaseException as error:
        return error


group = catch(raise_group)
te = traceback.TracebackException.from_exception(group)
print(te.exc_type.__name__, str(te), len(te.exceptions), [e.exc_type.__name__ for e in te.exceptions])
print([s.name for s in te.stack], [[s.name for s in e.stack] for e in te.exceptions])
print(te.exceptions[0].exceptions, te.__cause__, te.__context__)
show('group', te.format())
print(list(te.format()) == traceback.format_exception(group))
for chunk in te.format():
    print(repr(clean(chunk)))
show('format_exception_only', traceback.format_exception_only(group))
show('chain=False', te.format(chain=False))


# Nested groups, members without tracebacks, a member chained to another.
def nested():
    inner = ExceptionGroup('inner', gather((KeyError, 'k')) + [OSError('no traceback')])
    try:
        fail(RuntimeError, 'first')
    except RuntimeError as error:
        chained = catch(fail, ZeroDivisionError, 'second')
        chained.__cause__ = error
    raise BaseExceptionGroup('outer', [inner, chained, KeyboardInterrupt()])


show('nested', traceback.format_exception(catch(nested)))


# A group raised while handling another exception, and with a cause.
def in_handler():
    try:
        fail(IndexError, 'original')
    except IndexError:
        raise ExceptionGroup('while handling', [ValueError('a')])


show('context', traceback.format_exception(catch(in_handler)))

# Width: at most 15 members by default, then "and N more exceptions".
wide = ExceptionGroup('wide', [ValueError(i) for i in range(18)])
text = clean(traceback.format_exception(wide))
print(text.count('ValueError'), text.splitlines()[-4:])
show('width 2', traceback.TracebackException.from_exception(
    ExceptionGroup('w', [ValueError(1), ValueError(2), ValueError(3)]), max_group_width=2).format())
show('width 2 of 3', traceback.TracebackException.from_exception(
    ExceptionGroup('w', [ValueError(1), ValueError(2), TypeError(3), TypeError(4)]), max_group_width=3).format())

# Depth: groups deeper than max_group_depth show as "... (max_group_depth is N)".
deep = ValueError('bottom')
for level in range(4):
    deep = ExceptionGroup('level %d' % level, [deep, TypeError(level)])
show('depth 2', traceback.TracebackException.from_exception(deep, max_group_depth=2).format())
show('default depth', traceback.format_exception(deep))
deeper = ValueError('bottom')
for level in range(12):
    deeper = ExceptionGroup('g%d' % level, [deeper])
show('depth 10', traceback.format_exception(deeper))

# Notes on a group and on its members.
noted = ExceptionGroup('noted', [ValueError('member'), TypeError('other')])
noted.add_note('group note\nsecond line')
noted.exceptions[0].add_note('member note')
show('notes', traceback.format_exception(noted))
show('notes only', traceback.format_exception_only(noted))

# except* leaves groups with their own tracebacks.
def star():
    try:
        raise ExceptionGroup('mixed', gather((ValueError, 'one'), (TypeError, 'two'), (ValueError, 'three')))
    except* ValueError:
        raise


show('except*', traceback.format_exception(catch(star)))
split = catch(star)
te = traceback.TracebackException.from_exception(split)
print([e.exc_type.__name__ for e in te.exceptions], [str(e) for e in te.exceptions])

# A group holding the same exception twice.
again = ValueError('again')
show('twice', traceback.format_exception(ExceptionGroup('dup', [again, again])))
