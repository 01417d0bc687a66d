eg = ExceptionGroup('several', [ValueError('v'), TypeError('t'), ValueError('w')])
print(type(eg).__name__, str(eg), repr(eg))
print(eg.message, eg.exceptions)
print(isinstance(eg, Exception), [c.__name__ for c in ExceptionGroup.__mro__])
bg = BaseExceptionGroup('base', [KeyboardInterrupt()])
print(type(bg).__name__)
promoted = BaseExceptionGroup('promoted', [ValueError()])
print(type(promoted).__name__)
for bad in (lambda: ExceptionGroup('m', []), lambda: ExceptionGroup('m', [1]), lambda: ExceptionGroup('m', [KeyboardInterrupt()])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
