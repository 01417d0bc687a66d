s = slice(3)
print(s, list(range(10))[s])
class C:
    def _get(self):
        return 'got'
    p = property(_get, doc='the doc')
print(C().p, C.p.__doc__, C.p.fget.__name__, C.p.fset)
print(staticmethod(len)('abc'), classmethod.__name__)
