# warn's stacklevel decides which line a warning is reported at.
import warnings


def deprecated():
    warnings.warn('old function', DeprecationWarning, stacklevel=2)


def helper():
    warnings.warn('in helper')


deprecated()
helper()
helper()
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    helper()
    deprecated()
    warnings.warn('far', stacklevel=30)
for w in log:
    print(w.filename.rsplit('/', 1)[-1], w.lineno, w.category.__name__, w.message)

# The registry-based actions tell warnings apart by their line.
for action in ('default', 'once', 'module', 'always', 'ignore'):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action)
        for i in range(3):
            warnings.warn('repeated')
        warnings.warn('repeated')
        warnings.warn('other')
        print(action, len(log), [str(w.message) for w in log])
