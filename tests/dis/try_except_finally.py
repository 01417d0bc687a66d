# try/except/else/finally: the exception table, PUSH_EXC_INFO / POP_EXCEPT,
# `as e` cleared on the way out, the finally body on both paths, and a
# `return` inside try/finally running the finally body first.
def parse(text):
    try:
        value = int(text)
    except ValueError as error:
        log(error)
        value = None
    except (TypeError, KeyError):
        raise
    else:
        log("ok")
    finally:
        done()
    return value


def first(items):
    try:
        return items[0]
    finally:
        items.clear()
