# The default excepthook prints "Exception in thread NAME:" and the
# traceback on stderr; SystemExit in a thread is silent.
import sys
import threading


def fail():
    raise ValueError('in a thread')


# The traceback's first frames are threading.py's own, whose file and line
# numbers differ between implementations: only the report's first and
# last lines are compared.
class Capture:
    def __init__(self):
        self.text = ''

    def write(self, s):
        self.text += s

    def flush(self):
        pass


capture = Capture()
sys.stderr = capture
t = threading.Thread(target=fail, name='worker')
t.start()
t.join()
t = threading.Thread(target=sys.exit, args=(2,))
t.start()
t.join()
sys.stderr = sys.__stderr__
lines = capture.text.splitlines()
print(lines[0])
print(lines[1])
print(lines[-2:])
