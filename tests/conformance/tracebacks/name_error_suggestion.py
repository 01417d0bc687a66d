def compute(values):
    total = 0
    for value in values:
        total += value
    return totl
compute([1, 2])
