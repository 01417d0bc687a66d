try:
    try:
        raise ValueError('first')
    finally:
        raise TypeError('second')
except Exception as e:
    print(type(e).__name__, e)
    print('context:', type(e.__context__).__name__, e.__context__)
