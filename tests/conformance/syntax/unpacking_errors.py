for value in ([1, 2, 3], [1], 5, 'ab'):
    try:
        a, b = value
        print('ok', a, b)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    a, b, *c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = iter([1, 2, 3])
except ValueError as e:
    print(type(e).__name__, e)
