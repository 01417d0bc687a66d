# `-m MODULE`: a module or a package's __main__ found from the working
# directory runs as __main__, with sys.argv[0] its file; the errors when it
# cannot be run. Namespace packages (folders without __init__.py) import.
import os
import subprocess
import sys
import tempfile

with tempfile.TemporaryDirectory() as top:
    os.makedirs(os.path.join(top, "regular"))
    os.makedirs(os.path.join(top, "spaced", "inner"))
    files = {
        "plain.py": "import sys\nprint('plain', __name__, __package__ == '', sys.argv[1:])\n",
        "regular/__init__.py": "print('regular imported')\n",
        "regular/__main__.py": "from . import helper\nprint('main of', __package__, __spec__.name, helper.VALUE)\n",
        "regular/helper.py": "VALUE = 42\n",
        "regular/tool.py": "import sys\nprint('tool', __name__, __package__, sys.argv[0].endswith('tool.py'))\n",
        "spaced/__main__.py": "print('namespace main', __name__)\n",
        "spaced/inner/mod.py": "X = 'inner'\n",
        "broken.py": "def f(:\n",
        "nomain/__init__.py": "",
    }
    for name, text in files.items():
        os.makedirs(os.path.dirname(os.path.join(top, name)), exist_ok=True)
        with open(os.path.join(top, name), "w") as f:
            f.write(text)

    def run(*args):
        p = subprocess.run([sys.executable, *args], cwd=top, capture_output=True, text=True)
        out = p.stdout.replace(top, "TOP")
        err = p.stderr.replace(top, "TOP").strip().splitlines()
        last = err[-1] if err else ""
        # The interpreter names itself first: keep what follows.
        if ": " in last and not last.startswith(("SyntaxError", "Traceback")):
            last = last.split(": ", 1)[1]
        print(args, p.returncode, repr(out), repr(last))

    run("-m", "plain", "a", "b")
    run("-m", "regular")
    run("-m", "regular.tool", "x")
    run("-m", "spaced")
    run("-c", "import spaced.inner.mod as m, spaced; print(m.X, spaced.__spec__.origin, spaced.__file__ if hasattr(spaced, '__file__') else 'no file')")
    run("-m", "nosuch")
    run("-m", "regular.nosuch")
    run("-m", "nopkg.sub")
    run("-m", "nomain")
    run("-m", "sys")
    run("-m", "broken")
