def g(v):
    print('guard on', v)
    return v > 1
for value in (0, 1, 2, (3, 4)):
    match value:
        case (a, b) if a < b:
            print('ordered pair')
        case x if g(x):
            print('guard passed', x)
        case x:
            print('fallthrough', x)
