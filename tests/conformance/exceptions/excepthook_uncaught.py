# An uncaught exception goes through sys.excepthook when the program set
# one: a hook that fails is reported with the original exception, one that
# calls sys.exit sets the status, and a deleted hook is reported missing.
import os
import subprocess
import sys
import tempfile

programs = {
    "custom": (
        "import sys\n"
        "def hook(t, v, tb):\n"
        "    print('hook got', t.__name__, v, type(tb).__name__, tb.tb_frame.f_code.co_name)\n"
        "sys.excepthook = hook\n"
        "def f():\n"
        "    raise ValueError('boom')\n"
        "f()\n"
    ),
    "failing": (
        "import sys\n"
        "def hook(t, v, tb):\n"
        "    raise RuntimeError('hook broke')\n"
        "sys.excepthook = hook\n"
        "raise KeyError('orig')\n"
    ),
    "exiting": "import sys\nsys.excepthook = lambda *a: sys.exit(3)\nraise KeyError('orig')\n",
    "missing": "import sys\ndel sys.excepthook\nprint('x')\nraise KeyError('orig')\n",
    "restored": "import sys\nsys.excepthook = print\nsys.excepthook = sys.__excepthook__\nraise KeyError('orig')\n",
}

with tempfile.TemporaryDirectory() as top:
    for name, text in programs.items():
        path = os.path.join(top, name + ".py")
        with open(path, "w") as f:
            f.write(text)
        p = subprocess.run([sys.executable, path], capture_output=True, text=True)
        print("==", name, p.returncode)
        print(p.stdout.replace(top, "TOP"), end="")
        print(p.stderr.replace(top, "TOP"), end="")
