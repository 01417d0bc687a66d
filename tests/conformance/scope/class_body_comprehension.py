class C:
    n = 3
    values = [i for i in range(n)]
    try:
        doubled = [n * i for i in range(2)]
    except NameError as e:
        doubled = f'{type(e).__name__}: {e}'
print(C.values)
print(C.doubled)
