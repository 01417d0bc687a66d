# At exit, as CPython: a collection finds cycles left over, then one more,
# once the main module is gone, finalizes what only the module kept.
class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("__del__", self.n)


kept = Noisy(1)
kept.me = kept
dropped = Noisy(2)
dropped.me = dropped
del dropped
plain = Noisy(3)


def make():
    x = Noisy(4)
    x.me = x


make()
print("end of script")
