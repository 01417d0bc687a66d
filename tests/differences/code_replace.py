# code.replace() changes a code object's names, filename, first line number,
# constants and names (the same number of them, code objects staying code
# objects). CPython 3.11 also takes new bytecode, counts, flags and tables:
# those are in CPython's own format, which coil's bytecode is not, so coil
# accepts them only unchanged and raises ValueError for anything else, rather
# than run bytecode it cannot check.
def f(a):
    return a


code = f.__code__
print(code.replace(co_name="g").co_name)
print(code.replace(co_flags=code.co_flags).co_flags == code.co_flags)
try:
    code.replace(co_code=b"\x00\x00")
except ValueError as e:
    print(e)
try:
    code.replace(co_consts=())
except ValueError as e:
    print(e)
