try:
    try:
        {}['missing']
    except KeyError as e:
        raise ValueError('bad value') from e
except ValueError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__context__ is e.__cause__, e.__suppress_context__)
try:
    raise RuntimeError('r') from ValueError('explicit cause instance')
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise RuntimeError('r') from KeyError
except RuntimeError as e:
    print(repr(e.__cause__))
try:
    raise RuntimeError('r') from 5
except TypeError as e:
    print(type(e).__name__, e)
