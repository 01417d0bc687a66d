# Errors go to stderr as usage plus 'prog: error: ...' and exit with status 2.
import argparse

p = argparse.ArgumentParser(prog='prog')
p.add_argument('x')
p.add_argument('y', type=int)
p.add_argument('--z', choices=[1, 2], type=int)
g = p.add_mutually_exclusive_group()
g.add_argument('--on', action='store_true')
g.add_argument('--off', action='store_true')
for args in ([], ['a'], ['a', 'b'], ['a', '1', '--z', '3'], ['a', '1', '--on', '--off'], ['a', '1', 'extra'],
             ['a', '1', '--o'], ['--z']):
    try:
        p.parse_args(args)
    except SystemExit as e:
        print('exit', e.code)

for make in (lambda: p.add_argument('--on'),
             lambda: p.add_argument('pos', required=True),
             lambda: p.add_argument('bad', action='nope'),
             lambda: p.add_argument('--q', nargs=0),
             lambda: p.add_argument('--w', type='int'),
             lambda: p.add_argument('--m', nargs=2, metavar=('A',)),
             lambda: p.add_argument('x', dest='y'),
             lambda: p.add_argument('--c', const=1),
             lambda: g.add_argument('--r', required=True),
             lambda: p.add_argument('z-')):
    try:
        make()
        print('accepted')
    except (ValueError, TypeError, argparse.ArgumentError) as e:
        print(type(e).__name__, e)
p.exit(3, 'bye\n')
