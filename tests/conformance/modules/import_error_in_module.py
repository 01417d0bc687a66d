import sys
try:
    import _helper_raises
except KeyError as e:
    print('import failed with', type(e).__name__, e)
print('_helper_raises' in sys.modules)
