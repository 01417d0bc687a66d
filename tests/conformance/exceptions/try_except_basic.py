try:
    print('before')
    1 / 0
    print('not reached')
except ZeroDivisionError as e:
    print('caught', type(e).__name__, e)
print('after')
