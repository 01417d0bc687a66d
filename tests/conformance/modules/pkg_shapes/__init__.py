"""Shapes package."""
print('init pkg_shapes, __name__ =', __name__, '__package__ =', __package__)
from .circle import area as circle_area
from . import square
DEFAULT_UNIT = 'cm'
