f(x) = f'{b c}'
