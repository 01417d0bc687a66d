# Lists and tuples drop their items last first, so finalizers run in
# CPython's order.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
l = [D(1), D(2), D(3)]; del l
print("--")
t = (D(4), D(5), D(6)); del t
print("--")
l = [D(7), D(8), D(9)]; l.clear()
print("--")
l = [D(10), D(11)]; l = None
print("--")
d = {1: D(12), 2: D(13)}; del d
print("end")
