import pkg_shapes
print(pkg_shapes.circle_area(2), pkg_shapes.DEFAULT_UNIT, pkg_shapes.__doc__)
print(pkg_shapes.square.area(3), pkg_shapes.square.describe())
print(pkg_shapes.__name__, pkg_shapes.__package__, pkg_shapes.circle.__name__, pkg_shapes.circle.__package__)
print(hasattr(pkg_shapes, '__path__'), hasattr(pkg_shapes.circle, '__path__'))
