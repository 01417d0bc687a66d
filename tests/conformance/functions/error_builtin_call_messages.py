tests = [
    lambda: len(),
    lambda: len(1, 2),
    lambda: abs('x'),
    lambda: int('1', 2, 3),
    lambda: divmod(1),
    lambda: isinstance(1),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: 'x'.split(1),
    lambda: sorted([], 1),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
