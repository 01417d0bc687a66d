# Functional enums, TypeVar, NewType, NamedTuple and TypedDict take the caller's module.
import _typing_defs as defs
print(defs.Color.__module__, defs.T.__module__, defs.UserId, defs.P, defs.TD.__module__, defs.P.__module__)
print(repr(defs.Color.RED), defs.P(1), defs.UserId(3))
import enum, typing
E2 = enum.IntEnum('E2', 'A')
print(E2.__module__, typing.NewType('N', int), typing.TypeVar('Q').__module__, typing.NamedTuple('Z', []))
