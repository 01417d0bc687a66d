"""A helper module imported by the modules/ tests."""
print('executing _helper_greeting, __name__ =', __name__)
GREETING = 'hello'
_private = 'underscore name'
def greet(name):
    return f'{GREETING}, {name}'
class Greeter:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f'Greeter({self.name!r})'
if __name__ == '__main__':
    print('never printed on import')
