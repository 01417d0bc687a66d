import builtins
def body():
    x = 1
    def method(self):
        return 'method'
    return None
Made = builtins.__build_class__(lambda: None, 'Made')
print(Made.__name__, type(Made).__name__)
ns_seen = []
def body2():
    ns_seen.append('body ran')
K = __build_class__(body2, 'K', object)
print(K.__name__, [c.__name__ for c in K.__mro__], ns_seen)
try:
    __build_class__(5, 'X')
except TypeError as e:
    print(type(e).__name__, e)
try:
    __build_class__(lambda: None)
except TypeError as e:
    print(type(e).__name__, e)
