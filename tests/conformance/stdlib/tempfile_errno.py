# tempfile's files (NamedTemporaryFile, TemporaryFile, SpooledTemporaryFile,
# mkstemp) and directories, and errno's names and errorcode.
import tempfile, os, errno
with tempfile.NamedTemporaryFile("w+", suffix=".txt", prefix="pre_") as f:
    f.write("line1\nline2\n")
    f.flush()
    f.seek(0)
    print(os.path.basename(f.name).startswith("pre_"), f.name.endswith(".txt"), os.path.exists(f.name))
    print(list(f), f.mode, f.closed)
    name = f.name
print(os.path.exists(name), f.closed)
f = tempfile.NamedTemporaryFile(delete=False)
f.write(b"data")
f.close()
print(open(f.name, "rb").read(), os.path.exists(f.name))
os.unlink(f.name)
with tempfile.TemporaryFile("w+") as t:
    t.write("x" * 3)
    t.seek(0)
    print(t.read())
with tempfile.SpooledTemporaryFile(max_size=10, mode="w+") as s:
    s.write("abc")
    print(s._rolled)
    s.write("x" * 20)
    print(s._rolled)
    s.seek(0)
    print(s.read())
fd, path = tempfile.mkstemp(suffix=".log")
print(type(fd).__name__, os.path.isabs(path), path.endswith(".log"))
os.close(fd)
os.remove(path)
print(tempfile.gettempprefix(), tempfile.gettempdir() == tempfile.gettempdir(), tempfile.TMP_MAX)
print(os.path.isabs(tempfile.mktemp()))
d = tempfile.mkdtemp(suffix="_d")
print(d.endswith("_d"), os.path.isdir(d))
os.rmdir(d)
with tempfile.TemporaryDirectory(prefix="coil_") as d:
    p = os.path.join(d, "x")
    open(p, "w").close()
    print(os.path.basename(d).startswith("coil_"), os.listdir(d))
print(os.path.exists(d))
print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.EWOULDBLOCK == errno.EAGAIN)
try:
    open("/nonexistent/file")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], os.strerror(e.errno))
try:
    tempfile.mkstemp(dir="/nonexistent")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
