# traceback's caret lines: "^" under the failing expression, "~" and "^"
# for a binary operation or a subscript, none when the expression is the
# whole line; wide characters, multi-line expressions, and FrameSummary
# objects made by hand.
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))


def last_frame(function):
    try:
        function()
    except Exception as error:
        text = traceback.format_exception(error)
    # The innermost frame and the message.
    lines = ''.join(text).replace(HERE, '$DIR').splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith('  File '))
    print('\n'.join(lines[start:]))


zero, one, items, table, text, nothing = 0, 1, [1, 2], {'key': 1}, 'abc', None


def binary():
    return one / zero


def binary_parens():
    return (one) / (zero)


def binary_tight():
    return (one)/zero


def floor_div():
    return one // zero


def power_of_none():
    return one ** nothing


def nested_binary():
    return one + (one / zero) + one


def chained_binary():
    return one + text + one


def subscript():
    return items[5]


def subscript_spaced():
    return items [ 5 ]


def dict_subscript():
    return table['missing']


def subscript_of_call():
    return list(items)[9]


def subscript_twice():
    return [items][0][7]


def slice_assign():
    nothing[1:2] = items


def attribute():
    return nothing.attribute


def method_call():
    return text.missing_method(1, 2)


def call():
    return len(5)


def whole_line_call():
    len(5)


def call_in_expression():
    value = 1 + len(5) * 2
    return value


def multi_line_call():
    return len(
        5,
    )


def multi_line_binary():
    return (one +
            text)


def wide_string():
    return '日本語' + one


def wide_before():
    return ('日本', one / zero)


def accented():
    return 'é' + one


def comment_after():
    return one / zero  # a comment


def in_comprehension():
    return [one / item for item in [zero]]


def in_lambda():
    return (lambda value: value / zero)(one)


def augmented():
    value = text
    value += one
    return value


def unpacking():
    first, second = items + items


def raise_line():
    raise ValueError('raised')


def assert_line():
    assert one == zero, 'message'


def compare():
    return one < text


def unary():
    return -text


def keyword_call():
    return int(text, base=10)


def boolean_op():
    return nothing or one / zero


def conditional():
    return one if one / zero else zero


def fstring():
    return f'{one / zero}'


for case in (binary, binary_parens, binary_tight, floor_div, power_of_none, nested_binary,
             chained_binary, subscript, subscript_spaced, dict_subscript, subscript_of_call,
             subscript_twice, slice_assign, attribute, method_call, call, whole_line_call,
             call_in_expression, multi_line_call, multi_line_binary, wide_string, wide_before,
             accented, comment_after, in_comprehension, in_lambda, augmented, unpacking,
             raise_line, assert_line, compare, unary, keyword_call, boolean_op, conditional,
             fstring):
    print('---', case.__name__)
    last_frame(case)


# FrameSummary objects made by hand: the caret logic on its own.
def show(line, colno, end_colno, end_lineno=1):
    summary = traceback.FrameSummary('made.py', 1, 'f', line=line, colno=colno,
                                     end_colno=end_colno, end_lineno=end_lineno)
    print(repr(''.join(traceback.format_list([summary])).split('\n', 1)[1]))


show('    x = a / b\n', 8, 13)
show('    x = a / b', 8, 13)
show('    x = a / b   \n', 8, 13)
show('a / b', 0, 5)
show('  foo(a)\n', 2, 8)
show('foo(a)', 0, 5)
show('  foo(a', 2, 7, 2)
show('  x = foo(a', 6, 3, 3)
show('\tfoo(a) + 1', 1, 7)
show("  '日本' + 1", 2, 13)
show("  x = ('日本', a / b)\n", 18, 23)
show("  x = 'ｘ'[5]\n", 6, 14)
show("  x = y['日'] + 1\n", 6, 15)
show('  x = (a)/b\n', 6, 11)
show('  x = (a)/ b\n', 6, 12)
show('  x = (a #c\n', 6, 11)
show('  foo(a)', None, 8)
show('  foo(a)', 2, None)
show('  foo(a)', 50, 100)
show('  y = a[1] [2]\n', 6, 15)
show('  y = a[1]  \n', 6, 12)
show('', 0, 3)
