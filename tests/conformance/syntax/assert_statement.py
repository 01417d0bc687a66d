assert True
assert 1 == 1, 'never shown'
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(e), e.args)
try:
    assert [], 'empty list is false'
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert False, ('tuple', 1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
