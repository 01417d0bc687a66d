def outer(x):
    def inner(y=x * 2, *, z=x + 1):
        return y, z
    return inner
print(outer(5)())
print(outer(5).__defaults__, outer(5).__kwdefaults__)
def annotated(a: 'int' = 1) -> 'str':
    return str(a)
print(annotated.__annotations__)
