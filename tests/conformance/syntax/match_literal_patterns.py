def describe(v):
    match v:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case 'hello':
            return 'greeting'
        case b'bytes':
            return 'bytes'
        case -1.5:
            return 'negative float'
        case 1+2j:
            return 'complex'
        case None:
            return 'none'
        case True:
            return 'true'
        case _:
            return 'other'
for v in (0, 2, 'hello', b'bytes', -1.5, 1+2j, None, True, False, 1.0, 'x'):
    print(repr(v), describe(v))
