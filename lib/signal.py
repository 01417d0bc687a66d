"""Signals, as CPython's signal module: the functions of the native _signal,
with signal numbers as the IntEnum Signals and SIG_DFL / SIG_IGN as the
IntEnum Handlers, which signal() and getsignal() return where they can."""

import _signal
from _signal import *
from enum import IntEnum as _IntEnum

# The members in order of value (then name), as CPython's IntEnum._convert_.
def _members(keep):
    names = [name for name in dir(_signal) if keep(name)]
    return sorted(((name, getattr(_signal, name)) for name in names), key=lambda item: (item[1], item[0]))


Signals = _IntEnum("Signals", _members(lambda name: name.isupper() and name.startswith("SIG")
                                        and not name.startswith("SIG_")), module=__name__)
Handlers = _IntEnum("Handlers", _members(lambda name: name in ("SIG_DFL", "SIG_IGN")), module=__name__)
if "SIG_BLOCK" in dir(_signal):
    Sigmasks = _IntEnum("Sigmasks", _members(lambda name: name in ("SIG_BLOCK", "SIG_UNBLOCK", "SIG_SETMASK")),
                        module=__name__)
    globals().update(Sigmasks.__members__)
globals().update(Signals.__members__)
globals().update(Handlers.__members__)


def _int_to_enum(value, enum_class):
    # A handler is an int (SIG_DFL, SIG_IGN) or a callable: only ints convert.
    try:
        return enum_class(value)
    except ValueError:
        return value


def _enum_to_int(value):
    try:
        return int(value)
    except (ValueError, TypeError):
        return value


def signal(signalnum, handler):
    """Set the action for the given signal; return the previous one."""
    return _int_to_enum(_signal.signal(_enum_to_int(signalnum), _enum_to_int(handler)), Handlers)


def getsignal(signalnum):
    """Return the current action for the given signal."""
    return _int_to_enum(_signal.getsignal(signalnum), Handlers)


def valid_signals():
    """The set of signal numbers valid on this platform, as Signals where known."""
    return {_int_to_enum(number, Signals) for number in _signal.valid_signals()}

