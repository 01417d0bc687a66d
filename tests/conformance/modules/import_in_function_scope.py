def f():
    import math
    from _helper_greeting import greet
    return math.floor(2.5), greet('local')
print(f())
print('math' in globals(), 'greet' in globals())
def g():
    import math as m
    return m.pi > 3
print(g())
