# os and os.path as scripts use them: making, listing, renaming and removing
# files and directories, their errors, path arithmetic, the environment.
import os, os.path, tempfile, shutil, glob, json
base = tempfile.mkdtemp(prefix="coiltest")
print(os.path.isdir(base), os.path.basename(base).startswith("coiltest"))
os.makedirs(os.path.join(base, "a", "b"))
os.makedirs(os.path.join(base, "a", "b"), exist_ok=True)
try:
    os.makedirs(os.path.join(base, "a", "b"))
except FileExistsError as e:
    print("FileExistsError", e.errno, e.strerror, os.path.basename(e.filename))
p = os.path.join(base, "a", "f.txt")
with open(p, "w") as f:
    f.write("hello\n")
print(os.path.exists(p), os.path.isfile(p), os.path.isdir(p), os.path.getsize(p))
print(sorted(os.listdir(os.path.join(base, "a"))))
print(sorted(e.name for e in os.scandir(os.path.join(base, "a"))), [e.is_dir() for e in sorted(os.scandir(os.path.join(base, "a")), key=lambda e: e.name)])
os.rename(p, p + ".bak")
print(sorted(os.listdir(os.path.join(base, "a"))))
os.remove(p + ".bak")
try:
    os.remove(p)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.strerror)
try:
    os.listdir(os.path.join(base, "nope"))
except FileNotFoundError as e:
    print(str(e).replace(base, "BASE"))
try:
    os.rmdir(os.path.join(base, "a"))
except OSError as e:
    print(type(e).__name__, str(e).replace(base, "BASE"))
print(os.path.join("a", "b", "c"), os.path.join("/a", "/b"), os.path.join("a", ""), os.path.join("", "x"))
print(os.path.splitext("a/b.tar.gz"), os.path.splitext(".bashrc"), os.path.splitext("a."), os.path.split("/a/b/c"))
print(os.path.basename("/a/b/"), os.path.dirname("/a/b/"), os.path.dirname("file"), os.path.normpath("a//b/../c/."))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.abspath("x") == os.path.join(os.getcwd(), "x"))
print(os.path.relpath("/a/b/c", "/a"), os.path.commonpath(["/a/b/c", "/a/b/d"]), os.path.commonprefix(["abc", "abd"]))
print(os.path.expanduser("~") == os.environ.get("HOME"), os.path.sep, os.sep, os.linesep == "\n", os.pathsep, os.curdir, os.pardir, os.extsep)
os.environ["COIL_PROBE"] = "1"
print(os.environ["COIL_PROBE"], os.getenv("COIL_PROBE"), os.getenv("COIL_NOPE", "d"), "COIL_PROBE" in os.environ)
del os.environ["COIL_PROBE"]
print(os.environ.get("COIL_PROBE"))
try:
    os.environ["COIL_NOPE"]
except KeyError as e:
    print("KeyError", e)
print(type(os.getpid()).__name__, os.cpu_count() >= 1, type(os.environ).__name__)
print(isinstance(os.getcwd(), str), os.name)
for root, dirs, files in os.walk(base):
    print(os.path.relpath(root, base), sorted(dirs), sorted(files))
print([os.path.relpath(x, base) for x in sorted(glob.glob(os.path.join(base, "**"), recursive=True))])
with tempfile.NamedTemporaryFile("w+", suffix=".json", dir=base, delete=False) as tf:
    json.dump({"b": [1, 2], "a": None}, tf, indent=2, sort_keys=True)
    name = tf.name
with open(name) as f:
    print(json.load(f))
with tempfile.TemporaryDirectory() as d:
    print(os.path.isdir(d))
print(os.path.isdir(d))
with tempfile.TemporaryFile() as t:
    t.write(b"abc"); t.seek(0); print(t.read())
fd, path = tempfile.mkstemp(text=True)
os.write(fd, b"x"); os.close(fd); print(open(path).read()); os.unlink(path)

shutil.rmtree(base)
print(os.path.exists(base))
st = os.stat(__file__)
print(st.st_size > 0, oct(st.st_mode)[:4])
