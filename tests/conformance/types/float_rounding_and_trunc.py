import math
for v in (2.5, 3.5, -2.5, 2.675, 0.5, 1.5, -0.5):
    print(v, round(v), round(v, 1), math.floor(v), math.ceil(v), math.trunc(v), int(v))
print(round(1234.5678, -2), round(1234.5678, 2), round(-0.0), round(0.125, 2), round(0.375, 2))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
try:
    round(float('inf'))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
