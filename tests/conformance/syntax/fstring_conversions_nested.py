value = 'text'
width = 12
print(f'{value!r:>{width}}|{value!s:^{width}}|{value!a:<{width}}|')
print(f'{f"{value:>6}":*<10}')
print(f'{[1, 2]!r:>10}', f'{ {"a": 1}!r}', f'{(lambda: "lam")()}')
num = 3.14159
print(f'{num:{"." + str(2) + "f"}}', f'{num!s:.4}', f'{num!r}')
print(f'{"multi" "part"}', f'{1}{2}{3}', f'{"":>0}|', f'{None}', f'{...}')
print(f'{"a" if value else "b"!r}', f'{value[1:3]!r}', f'{value.upper()=}')
