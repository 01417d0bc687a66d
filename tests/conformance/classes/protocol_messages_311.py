# Messages of with/async with without __exit__/__aexit__, the reprs of
# staticmethod and classmethod, bool(NotImplemented)'s warning, and the
# class-pattern error, as CPython 3.11 gives them.
class A:
    def __enter__(self): return self
class B:
    def __exit__(self, *a): pass
class C:
    async def __aenter__(self): pass
class E:
    async def __aexit__(self, *a): pass
for cls in (A, B, object):
    try:
        with cls(): pass
    except TypeError as e: print(e)
import asyncio
async def main():
    for cls in (C, E, object):
        try:
            async with cls(): pass
        except TypeError as e: print(e)
asyncio.run(main())
print(repr(staticmethod(len)), repr(classmethod(len)))
import warnings
warnings.simplefilter("error")
try: bool(NotImplemented)
except DeprecationWarning as e: print("DW", e)
class P:
    __match_args__ = ()
try:
    match 1:
        case len(): pass
except TypeError as e: print(e)
