# Helper for typing_caller_module.py: objects whose __module__ comes from the caller.
import enum, typing
Color = enum.Enum('Color', 'RED GREEN')
T = typing.TypeVar('T')
UserId = typing.NewType('UserId', int)
P = typing.NamedTuple('P', [('x', int)])
TD = typing.TypedDict('TD', {'a': int})
