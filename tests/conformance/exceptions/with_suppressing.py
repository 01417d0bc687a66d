class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        print('exit with', typ.__name__ if typ else None, val)
        return typ is not None and issubclass(typ, self.types)
with Suppress(KeyError):
    {}['gone']
print('continued after suppression')
try:
    with Suppress(KeyError):
        raise ValueError('not suppressed')
except ValueError as e:
    print('propagated', e)
with Suppress(KeyError):
    print('no exception')
