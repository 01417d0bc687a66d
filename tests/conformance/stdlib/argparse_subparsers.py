# Subcommands: add_subparsers, per-command arguments, help and errors.
import argparse
import sys

sys.stderr = sys.stdout
p = argparse.ArgumentParser(prog='git')
p.add_argument('--debug', action='store_true')
sub = p.add_subparsers(dest='command', help='the command to run')
clone = sub.add_parser('clone', help='copy a repository', aliases=['cl'])
clone.add_argument('url')
clone.add_argument('--depth', type=int)
clone.set_defaults(func='do_clone')
commit = sub.add_parser('commit', help='record changes')
commit.add_argument('-m', '--message', required=True)
sub.add_parser('status')


def attempt(args):
    try:
        print(p.parse_args(args))
    except SystemExit as e:
        print('exit', e.code)


attempt(['clone', 'http://x', '--depth', '1'])
attempt(['--debug', 'cl', 'u'])
attempt(['commit', '-m', 'msg'])
attempt(['status'])
attempt([])
attempt(['push'])
attempt(['commit'])
attempt(['status', 'extra'])
print(p.parse_known_args(['status', '--what']))
p.print_help()
print('----')
clone.print_help()
print('----')
attempt(['clone', '-h'])

q = argparse.ArgumentParser(prog='tool')
subs = q.add_subparsers(title='commands', description='available commands', dest='cmd', required=True,
                        metavar='COMMAND')
a = subs.add_parser('add')
a.add_argument('n', type=int, nargs='+')
subs.add_parser('list', help='list things')
q.print_help()
attempt_q = lambda args: print(q.parse_args(args))
try:
    q.parse_args([])
except SystemExit as e:
    print('exit', e.code)
print(q.parse_args(['add', '1', '2']))
try:
    q.add_subparsers()
except SystemExit as e:
    print('exit', e.code)

parent = argparse.ArgumentParser(add_help=False)
parent.add_argument('--shared', default='s')
child = argparse.ArgumentParser(prog='child', parents=[parent])
child.add_argument('own')
print(child.parse_args(['o', '--shared', 'v']))
child.print_help()
