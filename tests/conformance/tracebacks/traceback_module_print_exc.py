import traceback
def broken():
    return [][1]
try:
    broken()
except IndexError:
    traceback.print_exc()
print('continued after printing the traceback to stderr')
try:
    broken()
except IndexError as e:
    lines = traceback.format_exception_only(type(e), e)
    print(lines)
