def check(n):
    if n % 2:
        raise ValueError(f'odd {n}')
    raise TypeError(f'even {n}')
def run_all():
    errors = []
    for n in range(3):
        try:
            check(n)
        except Exception as e:
            errors.append(e)
    inner = ExceptionGroup('inner group', errors[:2])
    raise ExceptionGroup('outer group', [inner, errors[2]])
run_all()
