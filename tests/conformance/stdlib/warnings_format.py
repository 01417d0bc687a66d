# formatwarning/showwarning and the text printed to stderr.
import io
import sys
import warnings

print(repr(warnings.formatwarning('msg', UserWarning, 'file.py', 12)))
print(repr(warnings.formatwarning('msg', DeprecationWarning, 'file.py', 3, line='  x = 1  ')))
print(repr(warnings.formatwarning(ValueError('v'), RuntimeWarning, 'f', 7, line='')))

buffer = io.StringIO()
warnings.showwarning('to a file', UserWarning, 'somewhere.py', 5, file=buffer, line='code()')
print(repr(buffer.getvalue()))

w = warnings.WarningMessage(UserWarning('m'), UserWarning, 'f.py', 2)
print(str(w))

# A replaced showwarning receives each warning.
saved = warnings.showwarning


def mine(message, category, filename, lineno, file=None, line=None):
    print('mine:', category.__name__, message)


warnings.showwarning = mine
with warnings.catch_warnings():
    warnings.simplefilter('always')
    warnings.warn('hooked')
warnings.showwarning = saved


# A replaced formatwarning changes what is printed.
def short(message, category, filename, lineno, line=None):
    return '%s: %s\n' % (category.__name__, message)


warnings.formatwarning = short
sys.stderr = sys.stdout
warnings.warn_explicit('explicit', UserWarning, 'mod.py', 10)
warnings.warn_explicit('explicit', UserWarning, 'mod.py', 10)
warnings.warn_explicit('explicit', UserWarning, 'mod.py', 10, registry={})
warnings.warn_explicit(DeprecationWarning('dep'), None, 'mod.py', 1, module='__main__')
warnings.warn_explicit(DeprecationWarning('dep'), None, 'mod.py', 1, module='lib')
sys.stderr = sys.__stderr__
warnings.formatwarning = warnings._formatwarning_orig

# stderr format with the source line, for a warn_explicit at a fixed place.
warnings.warn_explicit('explicit here', UserWarning, __file__.rsplit('/', 1)[-1], 2)
warnings.warn_explicit('no source', RuntimeWarning, 'no-such-file.py', 2)
