def pair():
    value = 0
    def get():
        return value
    def put(v):
        nonlocal value
        value = v
    return get, put
get, put = pair()
print(get())
put(10)
print(get())
print(get.__closure__[0].cell_contents)
print(get.__code__.co_freevars, pair.__code__.co_cellvars)
