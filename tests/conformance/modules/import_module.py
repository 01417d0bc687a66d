import _helper_greeting
print(_helper_greeting.GREETING, _helper_greeting.greet('world'), _helper_greeting.Greeter('g'))
print(_helper_greeting.__name__, type(_helper_greeting).__name__, _helper_greeting.__file__.endswith('_helper_greeting.py'))
print(_helper_greeting.__doc__)
import _helper_greeting as g2
print(g2 is _helper_greeting)
