# Imported by _helper_circ_a while it runs: its X is not there yet.
import _helper_circ_a

try:
    _helper_circ_a.X
except AttributeError as e:
    print("AttributeError:", e)
