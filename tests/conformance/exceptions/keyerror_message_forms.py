for key in ('text', 3, (1, 2), None, ''):
    try:
        {}[key]
    except KeyError as e:
        print(repr(e), '->', str(e))
try:
    set().remove('x')
except KeyError as e:
    print(repr(e))
try:
    {}.popitem()
except KeyError as e:
    print(repr(e), str(e))
