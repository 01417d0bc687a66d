import _helper_module_getattr as m
print(m.static, m.dynamic_thing)
try:
    m.other
except AttributeError as e:
    print(type(e).__name__, e)
print(dir(m))
from _helper_module_getattr import dynamic_import
print(dynamic_import)
