def f():
    e = 'kept?'
    try:
        raise ValueError
    except ValueError as e:
        pass
    return 'e' in locals()
print(f())
saved = None
try:
    raise KeyError('saved')
except KeyError as e:
    saved = e
print(repr(saved))
