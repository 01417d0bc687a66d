from _helper_greeting import greet, GREETING as G, Greeter
print(greet('from-import'), G, Greeter('x'))
from _helper_greeting import _private
print(_private)
print('_helper_greeting' in dir(), '_helper_greeting' in __import__('sys').modules)
