for value, spec in ((1, 'xx'), (1, '<<<'), (1.5, 'x'), (1.5, 'c'), (1j, '='), (1j, '010'), ([], 's'), (1, '.'), (1, '1000000000000000000000')):
    try:
        print(repr(format(value, spec)))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
