try:
    import pkg_shapes.sub.too_far
except ImportError as e:
    print(type(e).__name__, e)
src = 'from . import x'
try:
    exec(src, {'__name__': 'not_a_package_module'})
except ImportError as e:
    print(type(e).__name__, e)
