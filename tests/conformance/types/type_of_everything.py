def f():
    yield
class C:
    def m(self):
        pass
values = [1, 1.0, 1j, True, 'x', b'x', bytearray(), [], (), {}, set(), frozenset(), range(1), slice(1),
          None, ..., NotImplemented, f, f(), lambda: 0, C, C(), C().m, C.m, len, [].append, type, object(),
          iter([]), iter(()), iter(''), iter({}), reversed([]), zip(), map(len, []), filter(None, []), enumerate([]),
          {}.keys(), {}.values(), {}.items(), memoryview(b''), property(), staticmethod(f), classmethod(f),
          super(C, C()), ValueError(), int.__add__, (1).__add__, object.__init__, type.__dict__['__name__']]
for v in values:
    print(type(v).__name__, type(v).__module__)
import sys
print(type(sys).__name__, type(sys.modules).__name__)
