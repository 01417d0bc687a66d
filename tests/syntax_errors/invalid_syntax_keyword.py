def f():
    return in
