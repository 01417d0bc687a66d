# os's descriptor calls (dup, dup2, fsync, ftruncate, truncate, blocking and
# inheritable flags, fdopen), process groups, affinity and load, and the
# shell: system and popen.
import os, sys, tempfile
fd, path = tempfile.mkstemp()
os.write(fd, b"hello world")
os.fsync(fd)
os.ftruncate(fd, 5)
print(os.path.getsize(path))
os.truncate(path, 3)
print(os.path.getsize(path))
d = os.dup(fd)
print(d != fd, os.get_inheritable(d), os.get_blocking(fd))
os.set_blocking(fd, False); print(os.get_blocking(fd)); os.set_blocking(fd, True)
os.set_inheritable(d, True); print(os.get_inheritable(d))
d2 = os.dup2(fd, d + 1)
print(d2 == d + 1, os.get_inheritable(d2))
for x in (d, d2):
    os.close(x)
with os.fdopen(fd, "rb") as f:
    f.seek(0)
    print(f.read())
os.unlink(path)
try:
    os.fsync(9999)
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    os.truncate("/nonexistent/x", 1)
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
try:
    os.fdopen("x")
except TypeError as e:
    print(e)
print(len(os.sched_getaffinity(0)) >= 1, isinstance(os.getloadavg(), tuple), len(os.getloadavg()))
print(os.getpgid(0) == os.getpgrp(), isinstance(os.getcwdb(), bytes), os.getcwdb() == os.getcwd().encode())
sys.stdout.flush()
print(os.system("echo from shell; exit 3") >> 8)
print(os.waitstatus_to_exitcode(os.system("exit 2")))
with os.popen("echo one; echo two") as p:
    print(p.read().split())
p = os.popen("exit 4")
print(p.read(), p.close())
w = os.popen("cat > /dev/null", "w"); w.write("x"); print(w.close())
try:
    os.popen("ls", "rw")
except ValueError as e:
    print(e)
