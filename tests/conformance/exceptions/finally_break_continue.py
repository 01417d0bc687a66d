for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print('body', i)
    finally:
        print('finally', i)
def g():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return 'break discarded the exception'
print(g())
def h():
    for i in range(2):
        try:
            return i
        finally:
            continue
    return 'continue discarded the return'
print(h())
