def handle(exc):
    try:
        raise exc
    except* ValueError as g:
        print('ValueError group:', repr(g))
    except* TypeError as g:
        print('TypeError group:', repr(g))
handle(ExceptionGroup('eg', [ValueError(1), TypeError(2), ValueError(3)]))
handle(ValueError('naked'))
try:
    handle(ExceptionGroup('eg', [ValueError(1), KeyError('unhandled')]))
except ExceptionGroup as rest:
    print('rest propagates:', repr(rest))
