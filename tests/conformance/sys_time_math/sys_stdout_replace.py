import sys
class Upper:
    def __init__(self, target):
        self.target = target
    def write(self, s):
        return self.target.write(s.upper())
    def flush(self):
        self.target.flush()
old = sys.stdout
sys.stdout = Upper(old)
print('printed through a replacement stdout')
sys.stdout = old
print('restored')
