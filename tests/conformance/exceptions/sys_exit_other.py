import sys
try:
    sys.exit([1, 2])
except SystemExit as e:
    print(repr(e.code))
try:
    sys.exit(0)
except SystemExit as e:
    print(repr(e.code))
raise SystemExit(True)
