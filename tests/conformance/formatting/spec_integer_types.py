n = 300
for t in 'bcdoxXn':
    print(t, repr(format(n, t)), repr(format(-n if t != 'c' else 65, t)))
print(format(65, 'c'), format(0x1F600, 'c'), format(True, 'd'), format(True, 'x'), format(7, ''), format(7, 's') if False else '')
for t in 'eEfFgG%':
    print(t, format(n, t))
try:
    format(-1, 'c')
except OverflowError as e:
    print(type(e).__name__, e)
try:
    format(1.5, 'd')
except ValueError as e:
    print(type(e).__name__, e)
