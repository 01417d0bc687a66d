name, n = 'world', 42
print(f'hello {name}!')
print(f'{n} {n + 1} {n * 2:5d}|')
print(F'{name!r} {name!s} {"é"!a}')
print(f'{{literal}} {{{n}}}')
print(f'{"nested"}' f' and {name.upper()}')
print(rf'\n{n}', fr'{n}\t')
print(f'''{
    n
}''')
