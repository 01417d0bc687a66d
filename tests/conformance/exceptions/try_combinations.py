def attempt(mode):
    log = []
    try:
        log.append('try')
        if mode == 'raise':
            raise ValueError(mode)
        if mode == 'other':
            raise KeyError(mode)
    except ValueError:
        log.append('except')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
for mode in ('ok', 'raise'):
    print(mode, attempt(mode))
try:
    attempt('other')
except KeyError:
    print('other: KeyError propagated after finally')
def except_finally(fail):
    try:
        if fail:
            raise IndexError
        return 'returned from try'
    except IndexError:
        return 'returned from except'
    finally:
        print('finally for fail =', fail)
print(except_finally(False), except_finally(True))
def try_else(fail):
    try:
        if fail:
            raise TypeError
    except TypeError:
        return 'except'
    else:
        return 'else'
print(try_else(False), try_else(True))
def loop_control():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        except Exception:
            pass
        else:
            out.append('else%d' % i)
        finally:
            out.append('fin%d' % i)
    return out
print(loop_control())
