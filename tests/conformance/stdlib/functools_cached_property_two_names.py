# One cached_property bound to two names: __set_name__ refuses the second
# (CPython 3.11 reports it wrapped in a RuntimeError).
from functools import cached_property

try:
    class Two:
        @cached_property
        def a(self):
            return 1
        b = a
except Exception as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
