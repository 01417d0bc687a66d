def __getattr__(name):
    if name.startswith('dynamic_'):
        return name.upper()
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
def __dir__():
    return ['dynamic_x', 'static']
static = 'static value'
