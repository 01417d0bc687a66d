class C:
    pass
print(int, str, type, object, C, type(None), type(...))
print(repr(list), str(dict), ValueError, type(C()))
print(int.__name__, int.__qualname__, int.__module__, C.__module__, C.__name__)
import sys
print(repr(sys.modules['sys'])[:18])
