# Module reprs follow importlib's _module_repr: the spec's origin and
# loader when there is a spec, else __file__ or __loader__. Built-in
# modules have a spec whose loader is BuiltinImporter and origin 'built-in'.
import sys
import time
import types

print(repr(types.ModuleType('m')))
m = types.ModuleType('m', 'the doc')
print(m.__spec__, m.__loader__, m.__doc__, m.__package__)
m.__file__ = '/nowhere/m.py'
print(repr(m))
del m.__file__
m.__loader__ = 'a loader'
print(repr(m))

print(sys, time)
print(sys.__spec__)
print(sys.__spec__.name, sys.__spec__.origin, sys.__spec__.has_location, sys.__spec__.parent)
print(sys.__loader__, time.__loader__ is sys.__loader__, time.__spec__.loader is sys.__loader__)
print(repr(sys.__spec__.loader), sys.__loader__.__name__)

class Spec:
    name = 'fake'
    origin = 'somewhere'
    has_location = True
m.__spec__ = Spec()
print(repr(m))
Spec.has_location = False
print(repr(m))
Spec.origin = None
Spec.loader = None
print(repr(m))
