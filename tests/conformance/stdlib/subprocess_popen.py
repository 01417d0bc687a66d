# subprocess.Popen: pipes read and written directly, communicate with and
# without input, poll/wait/returncode, terminate/kill/send_signal, the
# context manager, pass_fds, repr.
import os
import signal
import subprocess

p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.returncode, p.poll())
p.stdin.write(b'line one\nline two\n')
p.stdin.close()
print(p.stdout.read())
print(p.wait(), p.returncode, p.poll())
p.stdout.close()

with subprocess.Popen(['sh', '-c', 'read x; echo "got $x"; echo "err $x" >&2'], stdin=subprocess.PIPE,
                      stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as p:
    out, err = p.communicate('value\n')
    print(repr(out), repr(err), p.returncode)
    print(p.stdin.closed, p.stdout.closed, p.stderr.closed)

with subprocess.Popen(['echo', 'only stdout'], stdout=subprocess.PIPE) as p:
    print(p.communicate())

with subprocess.Popen(['sh', '-c', 'exit 9']) as p:
    print(p.communicate(), p.returncode)

# Input larger than a pipe holds, read back at the same time.
data = bytes(range(256)) * 1000
with subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as p:
    out, err = p.communicate(data, timeout=30)
    print(len(out), out == data, err)

with subprocess.Popen(['sh', '-c', 'for i in 1 2 3; do echo $i; done'], stdout=subprocess.PIPE,
                      text=True) as p:
    for line in p.stdout:
        print('line', line.strip())
print(p.returncode)

p = subprocess.Popen(['sleep', '30'])
print(p.poll())
p.terminate()
print(p.wait(), p.returncode)
p.kill()  # after the end: nothing happens
p.send_signal(signal.SIGTERM)

p = subprocess.Popen(['sleep', '30'])
p.kill()
print(p.wait())

p = subprocess.Popen(['sh', '-c', 'kill -USR1 $$'])
print(p.wait())

p = subprocess.Popen(['sleep', '30'])
try:
    p.wait(timeout=0.05)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e, e.timeout, e.cmd, e.stdout, e.stderr)
p.kill()
p.wait()

p = subprocess.Popen(['sh', '-c', 'echo early; exec sleep 30'], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.3)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e, e.output)
p.kill()
print(p.communicate(), p.returncode)

r, w = os.pipe()
with subprocess.Popen(['sh', '-c', 'echo through fd %d >&%d' % (w, w)], pass_fds=[w]) as p:
    pass
os.close(w)
print(os.read(r, 100))
os.close(r)

r, w = os.pipe()
with subprocess.Popen(['sh', '-c', 'echo closed >&%d' % w, 'sh'], stderr=subprocess.DEVNULL) as p:
    pass
print('fd not passed, exit status nonzero:', p.returncode != 0)
os.close(w)
os.close(r)

print(repr(subprocess.Popen(['true'])).startswith('<Popen: returncode: None args: '))
p = subprocess.Popen(['echo', 'x' * 100], stdout=subprocess.DEVNULL)
p.wait()
print(repr(p))
print(p.args, p.pid > 0, p.stdin, p.stdout, p.stderr, p.universal_newlines)
