tests = [
    lambda: '{} {}'.format(1),
    lambda: '{0} {}'.format(1, 2),
    lambda: '{} {0}'.format(1, 2),
    lambda: '{missing}'.format(),
    lambda: '{0.nope}'.format(1),
    lambda: '{0[5]}'.format([1]),
    lambda: '{!x}'.format(1),
    lambda: '{'.format(),
    lambda: '}'.format(),
    lambda: '{:d}'.format('s'),
    lambda: '{:,s}'.format('s'),
    lambda: '{0[}'.format(1),
]
for t in tests:
    try:
        print(t())
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
