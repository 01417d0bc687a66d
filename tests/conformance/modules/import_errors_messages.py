for stmt in ('import nonexistent_module_xyz', 'import pkg_shapes.nonexistent', 'import math.nope',
             'from math import nope', 'from pkg_shapes import nonexistent_name', 'import _helper_greeting.sub'):
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, '|', str(e).split(' (')[0], '|', e.name)
print(issubclass(ModuleNotFoundError, ImportError))
