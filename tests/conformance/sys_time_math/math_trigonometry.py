import math
for x in (0, 0.5, 1, math.pi / 6, math.pi / 4, math.pi / 2):
    print(round(math.sin(x), 12), round(math.cos(x), 12), round(math.tan(x), 6) if x != math.pi / 2 else 'huge')
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1))
print(math.degrees(math.pi), math.radians(180), math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)))
