from .. import DEFAULT_UNIT
from ..circle import area
def measure():
    return f'{area(1):.2f} {DEFAULT_UNIT}'
