x, y = 3, 'hi'
print(f'{x=}')
print(f'{x = }')
print(f'{y=}')
print(f'{y=!s}')
print(f'{x*2=:>5}')
print(f'{x + 1 = }')
print(f'{3.0/4=:.2f}')
