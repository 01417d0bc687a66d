print(True + True, True * 10, -True, ~True, True / 2)
print(repr(True), str(False), int(True), float(False))
print(True == 1, False == 0, True is True, isinstance(True, int))
print(bool(0), bool(1), bool(-1), bool(''), bool('0'), bool([]), bool([0]), bool(None), bool(0.0), bool(0j), bool(()), bool({}))
print(True & False, True | False, True ^ True, type(True & False).__name__, type(True + 0).__name__)
print(bool.__mro__, bool('False'))
try:
    class B(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
