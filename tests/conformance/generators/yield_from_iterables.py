def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], 'ab', range(2), {'k': 1}, (x for x in [9]))))
def flatten(nested):
    for item in nested:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
