g = globals()
print(type(g).__name__, g['__name__'], '__builtins__' in g)
g['injected'] = 'via globals()'
print(injected)
def f(a):
    b = 2
    loc = locals()
    loc['b'] = 'not written back'
    return b, sorted(loc)
print(f(1))
print(locals() is globals())
print(sorted(k for k in globals() if not k.startswith('__')))
