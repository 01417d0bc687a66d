val, w, p = 1234.56789, 14, 2
print(f'[{val:*^{w},.{p}f}]', f'[{val:<+{w}.3e}]', f'[{-val:=+{w}_.1f}]')
n = 48879
print(f'{n:#x} {n:#X} {n:#o} {n:#b} {n:_x} {n:010d} {n:c}')
print(f'{"str":>{w}}|{"str":.2}|{"str"!r:^9}|')
obj = {'a': [10, 20]}
print(f"{obj['a'][1]:05d} {len(obj):>3} {obj!s:.6}")
print(f'{3 + 4j:.1f} {(3 + 4j)!r:>10} {complex(1, -1):^12}')
import math
print(f'{math.pi:.{p + 2}f} {math.pi = :.3f}')
