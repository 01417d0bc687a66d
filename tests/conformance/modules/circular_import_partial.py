import sys
try:
    import pkg_cycle.a
except ImportError as e:
    print(type(e).__name__, e.name)
    print(str(e).split(' (')[0])
    print('pkg_cycle.a' in sys.modules, 'pkg_cycle.b' in sys.modules)
