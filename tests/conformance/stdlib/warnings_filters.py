# The filter actions and how filters are matched, seen through record=True.
import warnings


def show(log):
    print([(w.category.__name__, str(w.message)) for w in log])


with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    warnings.warn('plain')
    warnings.warn('dep', DeprecationWarning)
    warnings.warn(RuntimeWarning('an instance'))
    warnings.warn('bytes', category=BytesWarning)
    show(log)
    print(type(log[0].message).__name__, log[0].message.args, log[0].category is UserWarning)

for action in ('once', 'always', 'ignore'):
    with warnings.catch_warnings(record=True) as log:
        warnings.simplefilter(action)
        for i in range(3):
            warnings.warn('repeated')
        warnings.warn('repeated')
        warnings.warn('other')
        print(action, len(log), [str(w.message) for w in log])

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        warnings.warn('boom')
    except UserWarning as e:
        print('raised', type(e).__name__, e)
    try:
        warnings.warn('boom', FutureWarning)
    except FutureWarning as e:
        print('raised', type(e).__name__, e)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    warnings.filterwarnings('ignore', message='skip')
    warnings.filterwarnings('error', category=FutureWarning)
    warnings.simplefilter('ignore', SyntaxWarning)
    warnings.warn('skip me')
    warnings.warn('SKIP too')
    warnings.warn('do not skip')
    warnings.warn('syntax', SyntaxWarning)
    try:
        warnings.warn('future', FutureWarning)
    except FutureWarning as e:
        print('error', e)
    warnings.warn('pending', PendingDeprecationWarning)
    show(log)
    print(len(warnings.filters))
    warnings.resetwarnings()
    print(warnings.filters)
    warnings.warn('after reset')
    show(log)

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter('always')
    warnings.simplefilter('ignore', UserWarning, append=True)
    warnings.warn('still shown')
    show(log)

print([(f[0], f[2].__name__, f[4]) for f in warnings.filters])
print(repr(warnings.catch_warnings(record=True)), repr(warnings.catch_warnings()))

for bad in (lambda: warnings.warn('x', 'notacategory'), lambda: warnings.warn('x', int),
            lambda: warnings.simplefilter('sometimes'), lambda: warnings.filterwarnings('ignore', 5)):
    try:
        bad()
    except (TypeError, AssertionError) as e:
        print(type(e).__name__, e)

cw = warnings.catch_warnings()
with cw:
    try:
        cw.__enter__()
    except RuntimeError as e:
        print(e)
