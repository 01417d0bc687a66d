# The SyntaxWarnings the compiler issues go through the warnings filters:
# printed by default (every time, compile-time warnings keep no registry),
# silenced by "ignore", turned into a SyntaxError by "error".
import warnings

src = "x = 1\nif x is 1: pass\n"
compile(src, '<s>', 'exec')
compile(src, '<s>', 'exec')
exec("assert (1, 2), 'never'")
eval("(1, 2) is 3")

with warnings.catch_warnings():
    warnings.simplefilter('error')
    for source in ["x is 1", "assert (1, 2)", "1()", "x = 1\n[1, 2] [0, 1]"]:
        try:
            compile(source, '<e>', 'exec')
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset, repr(e.text),
                  e.end_lineno, e.end_offset)
        else:
            print('no error for', repr(source))

with warnings.catch_warnings():
    warnings.simplefilter('ignore')
    compile("x is 1", '<i>', 'exec')
    print('ignored')

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    compile("x is 1\nx is ()", '<r>', 'exec')
    for w in caught:
        print(w.category.__name__, w.message, w.filename, w.lineno)

with warnings.catch_warnings():
    warnings.filterwarnings('error', category=SyntaxWarning, module='<only>')
    compile("x is 1", '<other>', 'exec')
    try:
        compile("x is 1", '<only>', 'exec')
    except SyntaxError as e:
        print('module filter:', e.msg, e.filename)
