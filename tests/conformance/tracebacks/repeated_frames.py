def countdown(n):
    if n == 0:
        raise ValueError('reached zero')
    countdown(n - 1)
countdown(20)
