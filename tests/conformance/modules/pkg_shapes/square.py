from . import circle
from .circle import PI
def area(side):
    return side * side
def describe():
    return f'square module sees PI={PI} via circle={circle.__name__}'
