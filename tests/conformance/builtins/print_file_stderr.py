import sys
print('to stdout')
print('to stderr', file=sys.stderr)
print('flushed', flush=True)
print('stderr again', 42, sep='|', file=sys.stderr)
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
c = Collector()
print('into', 'object', file=c)
print(c.parts)
print('file=None means stdout', file=None)
