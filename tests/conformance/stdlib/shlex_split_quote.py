# shlex.split (posix and not), comments, errors, quote/join round trips, the shlex class.
import shlex


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for s in ['a b c', '  leading and   trailing  ', 'one "two three" four', "it's 'a \"test\"'",
          'esc\\ aped back\\\\slash', '"dq \\" \\\\ \\$ \\a"', "'sq \\ stays'", 'a"b"c\'d\'e',
          'x # comment here', '', '""', "''", 'a "" b', 'tab\tsep\nnewline', 'ünï cödé',
          '--opt=value -x "file name.txt"', 'a;b|c&&d', 'foo\\\nbar']:
    show(lambda: shlex.split(s))
    show(lambda: shlex.split(s, comments=True))
    show(lambda: shlex.split(s, posix=False))
for bad in ['"unclosed', "'unclosed", 'trailing\\']:
    show(lambda: shlex.split(bad))
show(lambda: shlex.split('"open', posix=False))

for s in ['', 'plain', 'with space', "it's", '$HOME', 'a"b', 'safe-chars_@%+=:,./', 'ü', '\n', '*']:
    q = shlex.quote(s)
    print(repr(s), q, shlex.split(q) == [s])
cmd = ['ls', '-l', 'my file', "quote'd", '']
print(shlex.join(cmd), shlex.split(shlex.join(cmd)) == cmd)

lex = shlex.shlex('a = b + "c d" ; e')
print(list(lex))
lex = shlex.shlex('x=1 # c\ny=2', posix=True)
print([lex.get_token() for _ in range(7)])
lex = shlex.shlex('a && b || (c > d)', punctuation_chars=True)
print(list(lex))
lex = shlex.shlex('one two')
lex.push_token('zero')
print(lex.get_token(), lex.get_token(), lex.get_token(), repr(lex.get_token()), lex.lineno)
