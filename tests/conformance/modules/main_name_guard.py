import sys
print(__name__)
if __name__ == '__main__':
    print('running as the main script')
import _helper_greeting
print(_helper_greeting.__name__, sys.modules['__main__'].__name__)
print(sys.modules[__name__] is sys.modules['__main__'])
