print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max('abc'), min('b', 'a', key=str.upper))
print(max([], default='empty'), min([], default=None), max([1, 2], default=0))
print(max(['aa', 'b', 'cc'], key=len), min([(1, 'b'), (1, 'a')]), max([2, 2.0]), max([2.0, 2]))
for call in (lambda: max([]), lambda: min(), lambda: max(1), lambda: max(1, 2, default=0), lambda: min([1, 'a'])):
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
