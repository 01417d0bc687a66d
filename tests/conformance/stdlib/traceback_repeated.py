# traceback: runs of identical frames ("[Previous line repeated N more
# times]"), in format_tb, format_stack, StackSummary.format and
# format_exception, with limits; and printing to sys.stderr by default.
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def clean(text):
    if not isinstance(text, str):
        text = ''.join(text)
    return text.replace(HERE, '$DIR')


def recurse(depth):
    if depth == 0:
        raise ValueError('bottom')
    return recurse(depth - 1)


def catch(function, *args):
    try:
        function(*args)
    except BaseException as error:
        return error


for depth in (2, 3, 4, 5, 12):
    error = catch(recurse, depth)
    print('--- depth', depth)
    print(clean(traceback.format_exception(error)), end='')
error = catch(recurse, 8)
print(clean(traceback.format_tb(error.__traceback__, limit=6)), end='')
print(clean(traceback.format_tb(error.__traceback__, limit=-5)), end='')
print(len(traceback.extract_tb(error.__traceback__)))


def alternate(depth):
    if depth == 0:
        raise KeyError('alternate')
    if depth % 2:
        return alternate(depth - 1)
    return alternate(depth - 1)


print(clean(traceback.format_exception(catch(alternate, 6))), end='')


def stack_recurse(depth):
    if depth == 0:
        return traceback.format_stack()
    return stack_recurse(depth - 1)


print(clean(stack_recurse(6)), end='')

# Hand-made summaries repeat by (filename, lineno, name).
same = [('a.py', 1, 'f', 'x')] * 5 + [('a.py', 2, 'f', 'y')] + [('b.py', 2, 'f', 'y')] * 4
print(''.join(traceback.format_list(same)), end='')

# Without a file argument, the printing functions write to sys.stderr.
class Cleaned:
    def write(self, text):
        sys.stdout.write(clean(text))


sys.stderr = Cleaned()
traceback.print_exception(catch(recurse, 1))
traceback.print_tb(error.__traceback__, limit=1)
traceback.print_list([('x.py', 1, 'g', 'pass')])
try:
    recurse(0)
except ValueError:
    traceback.print_exc(limit=-1)
traceback.TracebackException.from_exception(catch(recurse, 0), limit=1).print()
sys.stderr = sys.__stderr__
