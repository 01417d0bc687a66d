text = 'one\ntwo\r\nthree\rfour\x0bfive\x1csix\u2028seven\n'
print(text.splitlines())
print(text.splitlines(keepends=True))
print(''.splitlines(), '\n'.splitlines(), 'a\n\nb'.splitlines(), 'no newline'.splitlines())
