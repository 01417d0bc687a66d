# Help and usage text: sections, alignment, wrapping, metavars, groups.
import argparse

p = argparse.ArgumentParser(prog='tool', description='Do things with files. ' * 6,
                            epilog='See the manual for more.')
p.add_argument('input', help='the input file')
p.add_argument('outputs', nargs='*', help='where results go')
p.add_argument('-v', '--verbose', action='store_true', help='talk more')
p.add_argument('-n', '--number', type=int, default=3, metavar='N',
               help='how many times to do the thing (default: %(default)s), a long help '
                    'text that has to be wrapped over more than one line for sure')
p.add_argument('--mode', choices=['a', 'b', 'c'], help='one of %(choices)s')
p.add_argument('--a-very-long-option-name-indeed', help='forces the help onto its own line')
p.add_argument('--pair', nargs=2)
p.add_argument('--opt', nargs='?')
p.add_argument('--plus', nargs='+')
p.add_argument('--hidden', help=argparse.SUPPRESS)
p.add_argument('--nohelp')
group = p.add_argument_group('extra', 'Extra options for experts.')
group.add_argument('--depth', type=int, help='recursion depth for %(prog)s')
p.print_help()
print('----')
print(p.format_usage(), end='')

q = argparse.ArgumentParser(prog='short')
q.print_help()
print('----')
m = argparse.ArgumentParser(prog='mx')
g = m.add_mutually_exclusive_group()
g.add_argument('--json', action='store_true')
g.add_argument('--xml', action='store_true')
r = m.add_mutually_exclusive_group(required=True)
r.add_argument('-a', action='store_true')
r.add_argument('-b', metavar='B')
m.add_argument('pos', nargs='?')
m.print_help()
print('----')
w = argparse.ArgumentParser(prog='a-program-with-a-rather-long-name')
for i in range(12):
    w.add_argument('--option-%d' % i, metavar='VALUE%d' % i)
w.add_argument('first')
w.add_argument('second', nargs='+')
print(w.format_usage(), end='')
print('----')
v = argparse.ArgumentParser(prog='v', usage='%(prog)s [options] thing', add_help=False)
v.add_argument('--version', action='version', version='%(prog)s 1.0')
v.print_help()
try:
    v.parse_args(['--version'])
except SystemExit as e:
    print('exit', e.code)
print('----')
d = argparse.ArgumentParser(prog='d', formatter_class=argparse.ArgumentDefaultsHelpFormatter)
d.add_argument('--level', default=5, help='the level')
d.add_argument('--name', default='x')
d.add_argument('pos', nargs='?', default='p', help='pos')
d.print_help()
print('----')
raw = argparse.ArgumentParser(prog='raw', formatter_class=argparse.RawTextHelpFormatter,
                              description='line one\n  indented two\n')
raw.add_argument('--x', help='keep\n  these\nbreaks')
raw.print_help()
print('----')
h = argparse.ArgumentParser(prog='h', add_help=False)
h.add_argument('-h', action='help', help='help!')
try:
    h.parse_args(['-h'])
except SystemExit as e:
    print('exit', e.code)
