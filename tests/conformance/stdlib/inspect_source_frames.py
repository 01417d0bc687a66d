# inspect.getsource/getsourcelines/getfile and currentframe/stack/getframeinfo.
import inspect

def simple(a, b):
    """Doc."""
    return a + b   # comment

@staticmethod
def decorated(
        x,
        y=(1,
           2)):
    if x:
        return 1

    return 2
# trailing comment

class Box:
    attr = 1

    def method(self):
        return self.attr

one = lambda x: x + 1
def oneliner(): return 5

def who():
    return inspect.stack()[1].function, inspect.currentframe().f_code.co_name

def outer():
    info = inspect.getframeinfo(inspect.currentframe())
    return info.function, info.lineno, info.code_context, info.index, who()

print(inspect.getsource(simple), end='')
print(inspect.getsource(decorated), end='')
print(inspect.getsource(Box), end='')
print(inspect.getsource(Box.method), end='')
print(inspect.getsource(one), end='')
print(inspect.getsource(oneliner), end='')
print(inspect.getsourcelines(simple)[1], inspect.getsourcelines(Box)[1])
print(outer())
print([fi.function for fi in inspect.stack()][:1], inspect.getfile(simple).rsplit('/', 1)[-1])
print(inspect.getsourcefile(Box).rsplit('/', 1)[-1], inspect.getmodule(Box).__name__)
try:
    inspect.getsource(len)
except TypeError as e:
    print('TypeError', e)
