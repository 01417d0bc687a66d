def outer():
    v = 'outer'
    def middle():
        def inner():
            nonlocal v
            v = 'set by inner'
        inner()
        return v
    r = middle()
    return r, v
print(outer())
