def fail(n):
    try:
        {}[n]
    except KeyError as e:
        raise ValueError(f'bad {n}') from e
errors = []
for n in range(2):
    try:
        fail(n)
    except ValueError as e:
        errors.append(e)
raise ExceptionGroup('wrapped', errors)
