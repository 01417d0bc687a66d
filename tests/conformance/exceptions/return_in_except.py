def f():
    try:
        raise KeyError('k')
    except KeyError:
        return 'from except'
    finally:
        print('finally still runs')
print(f())
def g():
    for i in range(3):
        try:
            raise ValueError
        except ValueError:
            if i == 0:
                continue
            break
        finally:
            print('finally', i)
    return i
print(g())
