for bad in ([1, 2], [(1, 2, 3)], [('a',)], 5):
    try:
        dict(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(dict({'a': 1}, b=2), dict([['k', 'v']]), dict(()))
