def check():
    raise SyntaxError('custom problem', ('config.ini', 7, 5, '    key = = value\n', 7, 9))
try:
    check()
except SyntaxError as err:
    print(err)
raise IndentationError('unexpected indent', ('other.py', 2, 3, '  x = 1', 2, 4))
