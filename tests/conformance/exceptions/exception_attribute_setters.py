# BaseException's attributes: what each setter accepts and rejects.
e = ValueError(1, 2)
e.args = [3, 4]
print(e.args, repr(e))
def attempt(action):
    try:
        action()
        print('ok')
    except Exception as err:
        print(type(err).__name__, err)
attempt(lambda: setattr(e, 'args', 5))
attempt(lambda: delattr(e, 'args'))
attempt(lambda: setattr(e, '__traceback__', 'tb'))
attempt(lambda: setattr(e, '__cause__', 'cause'))
attempt(lambda: setattr(e, '__context__', 42))
attempt(lambda: delattr(e, '__cause__'))
attempt(lambda: setattr(e, '__suppress_context__', 1))
print(e.__suppress_context__, e.__cause__, e.__context__, e.__traceback__)
e.__cause__ = None
print(e.__suppress_context__)
e.__context__ = KeyError('k')
print(repr(e.__context__))
print(e.with_traceback(None) is e)
attempt(lambda: e.with_traceback(1))
e.custom = 'attr'
print(e.__reduce__())
e.__setstate__({'other': 5})
print(e.other)
attempt(lambda: e.__setstate__(3))
print(StopIteration(7).value, StopIteration().value, SystemExit(1, 2).code, SystemExit().code)
print(ImportError('m', name='n', path='p').path, ImportError('a', 'b').msg, str(ImportError('a', 'b')))
print(NameError('x', name='y').name, AttributeError('a', name='n', obj=3).obj)
attempt(lambda: ImportError(bad=1))
attempt(lambda: KeyError(x=1))
print(str(KeyError('')), str(KeyError()), str(KeyError(1, 2)))
