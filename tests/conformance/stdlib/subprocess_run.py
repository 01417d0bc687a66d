# subprocess.run and its shortcuts: captured output as bytes and text,
# input, shell commands, env and cwd, check=True, call/check_call/check_output,
# getoutput/getstatusoutput, CompletedProcess.
import os
import subprocess
import tempfile

r = subprocess.run(['echo', 'hello', 'world'], capture_output=True)
print(r)
print(r.args, r.returncode, r.stdout, r.stderr)
r.check_returncode()

r = subprocess.run(['sh', '-c', 'echo out; echo err >&2; exit 3'], capture_output=True, text=True)
print(r)
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print(e, e.returncode, repr(e.stdout), repr(e.stderr), e.output == e.stdout)

print(subprocess.run(['cat'], input=b'bytes in\n', stdout=subprocess.PIPE).stdout)
print(subprocess.run(['cat'], input='text in\r\nwith crlf\n', stdout=subprocess.PIPE, text=True).stdout.splitlines())
print(subprocess.run('tr a-z A-Z', shell=True, input='shell pipeline\n', capture_output=True,
                     encoding='utf-8').stdout, end='')
print(subprocess.run('echo $GREETING $0', shell=True, env={'GREETING': 'hi', 'PATH': os.environ['PATH']},
                     stdout=subprocess.PIPE, universal_newlines=True).stdout, end='')
print(subprocess.run(['sh', '-c', 'echo to stdout; echo to stderr >&2'], stdout=subprocess.PIPE,
                     stderr=subprocess.STDOUT).stdout)
r = subprocess.run(['sh', '-c', 'echo quiet; echo loud >&2'], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(r.stdout, r.stderr)
print(subprocess.run(['true']))
print(subprocess.run(['cat'], input='héllo ☃\n', capture_output=True, text=True).stdout, end='')
print(subprocess.run(['printf', 'caf\\303\\251'], capture_output=True).stdout.decode())

with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, 'marker.txt'), 'w') as f:
        f.write('x')
    print(subprocess.run(['ls'], cwd=d, capture_output=True, text=True).stdout, end='')
    out_path = os.path.join(d, 'out.txt')
    with open(out_path, 'w') as f:
        subprocess.run(['echo', 'into a file'], stdout=f)
    with open(out_path) as f:
        print(repr(f.read()))
    with open(out_path, 'rb') as f:
        print(subprocess.run(['wc', '-c'], stdin=f, capture_output=True).stdout.split())

try:
    subprocess.run(['sh', '-c', 'echo partial; exit 7'], capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e, e.stdout, e.stderr)

print(subprocess.call(['sh', '-c', 'exit 5']))
print(subprocess.call('exit 0', shell=True))
print(subprocess.check_call(['true']))
try:
    subprocess.check_call(['sh', '-c', 'exit 2'])
except subprocess.CalledProcessError as e:
    print(e, e.cmd, e.output)
try:
    subprocess.check_call(args=['false'])
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.check_output(['echo', 'checked']))
print(subprocess.check_output('echo $((6 * 7))', shell=True, text=True), end='')
print(repr(subprocess.check_output(['cat'], input=None)))
print(repr(subprocess.check_output(['cat'], input=None, text=True)))
try:
    subprocess.check_output(['sh', '-c', 'echo some; exit 1'])
except subprocess.CalledProcessError as e:
    print(e, e.output)

print(subprocess.getoutput('echo one; echo two'))
print(subprocess.getstatusoutput('echo failing >&2; exit 4'))
print(subprocess.getstatusoutput('printf no-newline'))

cp = subprocess.CompletedProcess(['x'], 0)
print(cp, subprocess.CompletedProcess('y', 1, stderr=b'e'))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
