# getopt: short and long options, values, abbreviations, gnu_getopt's
# mixing of options and arguments, and GetoptError's messages.
import getopt
import os

print(getopt.getopt(['-a', '-bvalue', '-c', 'cval', 'file1', '-d'], 'ab:c:d'))
print(getopt.getopt(['-abx', 'rest'], 'ab:'))
print(getopt.getopt(['--verbose', '--out=x.txt', '--level', '3', '--', '-a'], 'a', ['verbose', 'out=', 'level=']))
print(getopt.getopt(['--verb', '--le=2'], '', ['verbose', 'level=']))
print(getopt.getopt(['-', '-a'], 'a'))
print(getopt.getopt(['--opt'], '', 'opt'))
print(getopt.getopt([], 'a'))
print(getopt.gnu_getopt(['file1', '-a', 'file2', '--long', 'file3'], 'a', ['long']))
print(getopt.gnu_getopt(['file1', '-a', '--', '-b'], 'ab'))
print(getopt.gnu_getopt(['file1', '-a'], '+a'))
os.environ.pop('POSIXLY_CORRECT', None)

cases = [
    (['-x'], 'ab', []),
    (['-b'], 'ab:', []),
    (['--nope'], '', ['yes']),
    (['--out'], '', ['out=']),
    (['--flag=1'], '', ['flag']),
    (['--ver'], '', ['verbose', 'version']),
]
for args, short, long in cases:
    try:
        getopt.getopt(args, short, long)
    except getopt.GetoptError as e:
        print(type(e).__name__, str(e), '|', e.msg, '|', e.opt, e.args)
print(getopt.error is getopt.GetoptError, issubclass(getopt.GetoptError, Exception))
