class AppError(Exception):
    pass
class DbError(AppError):
    def __init__(self, table, code):
        super().__init__(f'{table} failed')
        self.table = table
        self.code = code
class Pretty(Exception):
    def __str__(self):
        return 'pretty: ' + ', '.join(map(str, self.args))
try:
    raise DbError('users', 7)
except AppError as e:
    print(type(e).__name__, e, e.table, e.code, e.args, repr(e))
print(str(Pretty(1, 2)), repr(Pretty(1, 2)))
print([c.__name__ for c in DbError.__mro__])
class NoInit(Exception):
    def __init__(self):
        pass
print(repr(NoInit()), NoInit().args)
