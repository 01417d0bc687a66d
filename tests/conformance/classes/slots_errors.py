# __slots__ errors in CPython's order: a variable-sized base takes no slots,
# then each name is checked, __dict__ and __weakref__ at most once and only
# where the base has none, then class variables that collide.
for ns in [dict(__slots__=('__dict__', '__dict__')), dict(__slots__=('__weakref__', '__weakref__')), dict(__slots__=('a', 'a'))]:
    try:
        type('X', (), ns)
    except Exception as e: print(type(e).__name__, e)
class B: pass
try:
    class C(B): __slots__ = ('__dict__',)
except Exception as e: print(type(e).__name__, e)
try:
    class C2(B): __slots__ = ('__weakref__',)
except Exception as e: print(type(e).__name__, e)
class S: __slots__ = ('__dict__',)
try:
    class S2(S): __slots__ = ('__dict__',)
except Exception as e: print(type(e).__name__, e)
try:
    class S3(int): __slots__ = ('__weakref__',)
except Exception as e: print(type(e).__name__, e)
try:
    class S4(int): __slots__ = ('a',)
except Exception as e: print(type(e).__name__, e)
try:
    class S5: __slots__ = ('a',); a = 1
except Exception as e: print(type(e).__name__, e)
try:
    class S6: __slots__ = ('1a',)
except Exception as e: print(type(e).__name__, e)
try:
    class S7: __slots__ = (1,)
except Exception as e: print(type(e).__name__, e)
