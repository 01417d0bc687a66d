# subprocess: the errors of bad arguments, programs that cannot run,
# timeouts and signals, with CPython's messages.
import os
import subprocess

for args, kwargs in [
    (['no-such-program-xyz'], {}),
    ('no-such-program-xyz --flag', {}),
    (['./no/such/path'], {}),
    (['ls'], {'cwd': '/no/such/directory'}),
    (['true'], {'executable': 'no-such-executable-xyz'}),
    (['/'], {}),
]:
    try:
        subprocess.run(args, **kwargs)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)

for kwargs in [
    {'input': b'x', 'stdin': subprocess.PIPE},
    {'capture_output': True, 'stdout': subprocess.PIPE},
    {'capture_output': True, 'stderr': subprocess.DEVNULL},
    {'text': True, 'universal_newlines': False},
]:
    try:
        subprocess.run(['true'], **kwargs)
    except (ValueError, subprocess.SubprocessError) as e:
        print(type(e).__name__, e)

for kwargs in [{'stdout': None}, {'check': False}]:
    try:
        subprocess.check_output(['true'], **kwargs)
    except ValueError as e:
        print(type(e).__name__, e)

try:
    subprocess.run(['sleep', '30'], timeout=0.2, capture_output=True)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e, e.stdout, e.stderr)

try:
    subprocess.check_output(['sh', '-c', 'echo started; exec sleep 30'], timeout=0.3)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e, e.output)

try:
    subprocess.call(['sleep', '30'], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e)

try:
    subprocess.run(['sh', '-c', 'kill -9 $$'], check=True)
except subprocess.CalledProcessError as e:
    print(e, e.returncode)
try:
    subprocess.run(['sh', '-c', 'kill -TERM $$'], check=True)
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.CalledProcessError(-200, 'cmd'))
print(subprocess.CalledProcessError(1, ['a', 'b']), subprocess.TimeoutExpired('c', 2.5))
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError),
      issubclass(subprocess.SubprocessError, Exception))

try:
    subprocess.run(['echo', 'a\0b'])
except ValueError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(['echo', 3])
except TypeError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(['env'], env={'A=B': 'c'})
except ValueError as e:
    print(type(e).__name__, e)
try:
    subprocess.Popen(['true'], bufsize='big')
except TypeError as e:
    print(type(e).__name__, e)
with subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    try:
        p.communicate(b'data', timeout=-1)
    except subprocess.TimeoutExpired as e:
        print(type(e).__name__, e)
    p.stdin.close()
    print(p.communicate())
print(os.waitstatus_to_exitcode(0), os.waitstatus_to_exitcode(3 << 8), os.waitstatus_to_exitcode(9))
