def loud(fn):
    def wrapper(*args, **kwargs):
        print('calling', fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print('returned', result)
        return result
    return wrapper
@loud
def add(a, b):
    return a + b
add(1, b=2)
print(add.__name__)
