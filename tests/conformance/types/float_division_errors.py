tests = [lambda: 1.0 / 0, lambda: 1.0 // 0, lambda: 1.0 % 0, lambda: divmod(1.0, 0), lambda: 0.0 ** -1,
         lambda: 10.0 ** 400, lambda: (-8.0) ** 0.5, lambda: 2.0 ** 10000, lambda: float(10 ** 400)]
for t in tests:
    try:
        print(t())
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
