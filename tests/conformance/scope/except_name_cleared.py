e = 'before'
try:
    1 / 0
except ZeroDivisionError as e:
    print('inside', type(e).__name__)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
