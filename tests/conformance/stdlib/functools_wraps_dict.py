# update_wrapper merges the wrapped function's attributes into the wrapper's.
from functools import wraps


def target():
    pass
target.marker = 'm'
target.count = 1


@wraps(target)
def wrapper():
    pass

print(wrapper.marker, wrapper.count, sorted(wrapper.__dict__))
