# split()/subgroup() copy the traceback, cause, context and (a copy of) the
# notes onto the parts; derive() makes plain groups.
try:
    raise ExceptionGroup('eg', [ValueError(1), TypeError(2)]) from KeyError('cause')
except ExceptionGroup as caught:
    eg = caught
eg.add_note('group note')
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(match.__traceback__ is eg.__traceback__, repr(match.__cause__), match.__notes__, rest.__notes__)
print(match.__notes__ is eg.__notes__)
print(eg.subgroup(lambda e: isinstance(e, TypeError)).exceptions)
print(eg.subgroup(ValueError).__cause__ is eg.__cause__)
print(eg.split(ExceptionGroup)[0] is eg, eg.subgroup(KeyError))
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message.upper(), excs)
g = MyGroup('mine', [ValueError(1), TypeError(2)])
print(repr(g.split(TypeError)))
print(type(BaseExceptionGroup('b', [ValueError()])).__name__, type(BaseExceptionGroup('b', [KeyboardInterrupt()])).__name__)
for bad in [lambda: ExceptionGroup('x', {ValueError()}), lambda: ExceptionGroup('x', 'ab'),
            lambda: MyGroup('x', [KeyboardInterrupt()]), lambda: eg.split(len), lambda: eg.split()]:
    try:
        bad()
    except (TypeError, ValueError) as err:
        print(type(err).__name__, err)
print(str(ExceptionGroup('one', [ValueError()])), str(eg))
