# An attribute missing from a module still being imported is reported as a
# circular import, as CPython reports it.
import _helper_circ_a

print(_helper_circ_a.X)
try:
    _helper_circ_a.Y
except AttributeError as e:
    print("AttributeError:", e)
