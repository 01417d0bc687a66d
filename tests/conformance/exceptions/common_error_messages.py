nothing, five = None, 5
tests = [
    lambda: 1 + 'a',
    lambda: 'a' + 1,
    lambda: [1][5],
    lambda: (1,)[2],
    lambda: 'abc'[10],
    lambda: int('12x'),
    lambda: float('nope'),
    lambda: None.attr,
    lambda: nothing(),
    lambda: five[0],
    lambda: {}[[]],
    lambda: [].index(1),
    lambda: 'abc'.index('z'),
    lambda: 1 / 0,
    lambda: 1 % 0,
    lambda: 2.0 / 0,
    lambda: 10 ** 400 * 1.0,
    lambda: list.nope,
    lambda: len(5),
    lambda: iter(5),
    lambda: hash([]),
    lambda: 'x' * 'y',
    lambda: -'x',
    lambda: chr(-1),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ':', e)
