# StringIO's newline argument: translation on write, line splitting on read.
import io

text = 'a\nb\r\nc\rd'
for newline in ('\n', None, '', '\r', '\r\n'):
    s = io.StringIO(text, newline=newline)
    print(repr(newline), repr(s.getvalue()), s.readlines(), s.newlines)
    s = io.StringIO(newline=newline)
    s.write('x\n')
    s.write('y\r\nz\r')
    print('  ', repr(s.getvalue()), s.newlines)
    s.seek(0)
    print('  ', list(s))
