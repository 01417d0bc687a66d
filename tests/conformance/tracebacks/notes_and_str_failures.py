class Broken(Exception):
    def __str__(self):
        raise RuntimeError('no str')
try:
    raise Broken()
except Broken as e:
    first = e
e = ValueError('with odd notes')
e.add_note('two\nlines')
e.add_note('')
e.__notes__.append(42)
e.__context__ = first
raise e
