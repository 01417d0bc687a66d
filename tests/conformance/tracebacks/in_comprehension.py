def invert(values):
    return [1 / v for v in values]
invert([1, 2, 0])
