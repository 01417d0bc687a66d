inf, nan = float('inf'), float('nan')
print(inf, -inf, nan, repr(inf), float('-Infinity'), float('NaN'), float('  nan '))
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, nan is nan)
print(inf + 1, inf - inf, inf * 0, 1 / inf, -1 / inf)
print(float('1e400'), -float('1e400'), 1e308 * 10)
import math
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0))
print(sorted([3.0, 1.0, 2.0]), max(1.0, inf), min(-inf, 0))
print(nan in [nan], [nan] == [nan])
