def é(a=1, b): pass
