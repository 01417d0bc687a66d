tests = [
    lambda: '%d' % 'x',
    lambda: '%s %s' % ('one',),
    lambda: '%s' % ('a', 'b'),
    lambda: '%(k)s' % {},
    lambda: '%z' % 1,
    lambda: '%c' % 'ab',
    lambda: '%c' % -1,
    lambda: '%(k)s %s' % {'k': 1},
    lambda: '%' % (),
    lambda: '%x' % 1.5,
]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__, e)
