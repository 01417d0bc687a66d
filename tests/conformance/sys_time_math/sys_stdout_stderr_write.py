import sys
n = sys.stdout.write('written directly\n')
print(n)
m = sys.stderr.write('to stderr directly\n')
print(m)
sys.stdout.writelines(['a\n', 'b\n'])
print(sys.stdout.isatty(), sys.stdout.encoding, sys.stderr.encoding)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
sys.stdout.flush()
