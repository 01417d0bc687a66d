# Parsing: positionals, options, nargs, types, choices, defaults, actions.
import argparse
import sys

sys.stderr = sys.stdout


def attempt(parser, args):
    try:
        print(parser.parse_args(args))
    except SystemExit as e:
        print('exit', e.code)


p = argparse.ArgumentParser(prog='prog')
p.add_argument('src')
p.add_argument('dst', nargs='?', default='out')
p.add_argument('-v', '--verbose', action='store_true')
p.add_argument('-q', action='store_false', dest='loud')
p.add_argument('-n', '--count', type=int, default=1)
p.add_argument('--mode', choices=['fast', 'slow'], default='fast')
p.add_argument('--tag', action='append')
p.add_argument('-c', action='count', default=0)
p.add_argument('--const', action='store_const', const=42)
p.add_argument('--ratio', type=float)
for args in (['a'], ['a', 'b', '-v'], ['-vq', 'x'], ['-n', '5', 'x'], ['-n5', 'x'], ['--count=7', 'x'],
             ['--co', '3', 'x'], ['x', '--tag', 't1', '--tag=t2'], ['-ccc', 'x'], ['x', '--const'],
             ['--mode', 'slow', 'x'], ['x', '--', '-y'], ['--ratio', '-1.5', 'x'], ['-cvc', 'x']):
    attempt(p, args)
for args in ([], ['a', 'b', 'c'], ['-n', 'x', 'y'], ['--mode', 'medium', 'x'], ['x', '--nope'],
             ['x', '-n'], ['x', '--verbose=1'], ['-qz', 'x'], ['x', '--ratio', 'abc']):
    attempt(p, args)

ns, rest = p.parse_known_args(['x', '--unknown', 'y', '-z', 'zz'])
print(ns, rest)

q = argparse.ArgumentParser(prog='nargs')
q.add_argument('--two', nargs=2, metavar=('A', 'B'))
q.add_argument('--many', nargs='*')
q.add_argument('--some', nargs='+', type=int)
q.add_argument('--opt', nargs='?', const='C', default='D')
q.add_argument('files', nargs='*')
for args in ([], ['--two', '1', '2'], ['--many'], ['--many', 'a', 'b', 'f'], ['--some', '1', '2', '--', 'f1', 'f2'],
             ['--opt'], ['--opt', 'v', 'f'], ['f1', 'f2', '--opt'], ['--two', '1'], ['--some'], ['--some', 'x']):
    attempt(q, args)

r = argparse.ArgumentParser(prog='rest')
r.add_argument('first')
r.add_argument('pair', nargs=2, type=int)
r.add_argument('more', nargs='+')
r.add_argument('--flag', action='store_true')
for args in (['a', '1', '2', 'b'], ['a', '1', '2', 'b', 'c', '--flag'], ['a', '--flag', '1', '2', 'b'], ['a', '1']):
    attempt(r, args)

s = argparse.ArgumentParser(prog='rem')
s.add_argument('cmd')
s.add_argument('args', nargs=argparse.REMAINDER)
attempt(s, ['run', '-x', '--y', 'z'])
t = argparse.ArgumentParser(prog='req')
t.add_argument('--need', required=True)
t.add_argument('--ext', action='extend', nargs='+')
t.add_argument('--bool', action=argparse.BooleanOptionalAction, default=True)
attempt(t, [])
attempt(t, ['--need', 'x', '--ext', 'a', 'b', '--ext', 'c', '--no-bool'])
t.set_defaults(extra='set', need='dflt')
print(t.get_default('need'), t.get_default('extra'), t.get_default('none'))
attempt(t, ['--need', 'y'])

def positive(text):
    value = int(text)
    if value <= 0:
        raise argparse.ArgumentTypeError('%r is not positive' % text)
    return value

u = argparse.ArgumentParser(prog='types', exit_on_error=False)
u.add_argument('n', type=positive)
u.add_argument('--default-str', type=int, default='10')
print(u.parse_args(['3']))
try:
    u.parse_args(['-3'])
except argparse.ArgumentError as e:
    print('ArgumentError', e)
try:
    u.parse_args(['0'])
except argparse.ArgumentError as e:
    print('ArgumentError', e, '|', e.argument_name, '|', e.message)

neg = argparse.ArgumentParser(prog='neg')
neg.add_argument('x', type=float)
neg.add_argument('-1', dest='one', action='store_true')
attempt(neg, ['-1', '5'])
attempt(neg, ['-2'])

ns = argparse.Namespace(a=1, b='x')
print(ns, ns == argparse.Namespace(b='x', a=1), 'a' in ns, vars(ns))
print(repr(p._actions[2]))
