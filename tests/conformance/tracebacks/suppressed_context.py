try:
    {}['x']
except KeyError:
    raise AttributeError('clean traceback') from None
