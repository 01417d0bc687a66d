import os, os.path, tempfile
print(os.name, os.sep, os.pathsep, os.devnull, os.path is os.path, type(os.environ).__name__)
d = tempfile.mkdtemp()
p = os.path.join(d, "a.txt")
with open(p, "w") as f:
    f.write("hello")
st = os.stat(p)
print(st.st_size, oct(st.st_mode & 0o777) != '', type(st.st_mtime).__name__, len(st), st[6])
print(os.path.getsize(p), os.path.islink(p), os.path.lexists(p), os.access(p, os.R_OK))
os.makedirs(os.path.join(d, "sub", "deeper"))
open(os.path.join(d, "sub", "b.txt"), "w").close()
for root, dirs, files in os.walk(d):
    print(os.path.relpath(root, d), sorted(dirs), sorted(files))
with os.scandir(d) as it:
    print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
os.symlink(p, os.path.join(d, "link"))
print(os.path.islink(os.path.join(d, "link")), os.readlink(os.path.join(d, "link")) == p)
print(os.path.realpath(os.path.join(d, "link")) == os.path.realpath(p))
os.replace(p, os.path.join(d, "c.txt"))
print(sorted(os.listdir(d)))
print(os.path.relpath("/a/b/c", "/a/x"), os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["abc", "abd"]))
print(os.path.normcase("A/b"), os.path.splitdrive("/x/y"), os.path.expandvars("$NOPE_X/${NOPE_Y}"))
print(os.fsencode("é"), os.fsdecode(b"abc"), isinstance(os.cpu_count(), int), len(os.urandom(8)))
fd = os.open(os.path.join(d, "raw"), os.O_WRONLY | os.O_CREAT)
print(os.write(fd, b"xyz")); os.close(fd)
fd = os.open(os.path.join(d, "raw"), os.O_RDONLY)
print(os.read(fd, 10)); os.close(fd)
try:
    os.stat(os.path.join(d, "missing"))
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror)
class P:
    def __fspath__(self): return "x"
print(isinstance(P(), os.PathLike), issubclass(str, os.PathLike), os.strerror(2))
os.utime(os.path.join(d, "raw"), (1, 2))
print(os.stat(os.path.join(d, "raw")).st_mtime, os.path.getmtime(os.path.join(d, "raw")))
import shutil
shutil.rmtree(d)
print(os.path.exists(d))
