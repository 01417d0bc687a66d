try:
    raise ValueError('the error')
except ValueError as e:
    e.add_note('note one')
    e.add_note('note two\nspans lines')
    raise
