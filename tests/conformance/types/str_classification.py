samples = ['abc', 'ABC', 'Abc', 'abc123', '123', '١٢٣', '½', '²', '', ' \t', 'a b', 'Title Case', 'élan', '_x', 'class', '3x', 'x\x00']
for s in samples:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isspace(),
          s.istitle(), s.islower(), s.isupper(), s.isidentifier(), s.isprintable(), s.isascii())
