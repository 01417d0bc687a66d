def fail():
    raise RuntimeError('inner failure')
def wrap(v):
    return v
total = 1 + wrap(fail()) + 2
