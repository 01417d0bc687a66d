class Plain:
    pass
class EqOnly:
    def __eq__(self, o):
        return True
class EqAndHash:
    def __eq__(self, o):
        return isinstance(o, EqAndHash)
    def __hash__(self):
        return 42
class Unhashable:
    __hash__ = None
print(isinstance(hash(Plain()), int), EqOnly.__hash__, hash(EqAndHash()))
for cls in (EqOnly, Unhashable):
    try:
        hash(cls())
    except TypeError as e:
        print(type(e).__name__, e)
try:
    {EqOnly()}
except TypeError as e:
    print(type(e).__name__, e)
print(len({EqAndHash(), EqAndHash()}))
class Child(EqAndHash):
    def __eq__(self, o):
        return False
print(Child.__hash__)
print(hash(1), hash(-1), hash(0), hash((1, 2)) == hash((1, 2)), hash(True), hash(2**61 - 1), hash(2**61))
