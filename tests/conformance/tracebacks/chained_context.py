def parse(text):
    try:
        return int(text)
    except ValueError:
        raise LookupError(f'no entry for {text!r}')
parse('abc')
