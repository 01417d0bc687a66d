def f():
    for i in range(3):
        try:
            try:
                if i == 2:
                    return f'returned at {i}'
            finally:
                print('inner finally', i)
        finally:
            print('outer finally', i)
print(f())
def g():
    while True:
        try:
            return 'while return'
        finally:
            print('while finally')
print(g())
