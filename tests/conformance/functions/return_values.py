def none_implicit():
    pass
def none_bare():
    return
def multiple():
    return 1, 'two', [3]
def early(x):
    if x:
        return 'early'
    return 'late'
print(none_implicit(), none_bare(), multiple(), early(1), early(0))
a, b, c = multiple()
print(a, b, c)
