import sys
for arg in (0, 1, 42, 'message', None, [1], -1, 256):
    try:
        sys.exit(arg)
    except SystemExit as e:
        print(repr(e.code), repr(e), e.args)
try:
    sys.exit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
