class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Tracker('plain') as t:
    print('inside', t.name)
with Tracker('suppressing', suppress=True):
    raise ValueError('swallowed')
print('after suppression')
def f():
    with Tracker('return'):
        return 'returned value'
print(f())
for i in range(2):
    with Tracker(f'loop{i}'):
        if i == 0:
            continue
        break
