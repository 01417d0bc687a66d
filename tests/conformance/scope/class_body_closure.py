def make():
    v = 'enclosing'
    class K:
        v = 'class attr'
        w = v
        def get(self):
            return v
    return K
K = make()
print(K.w, K().get(), K.v)
def make2():
    x = 1
    class L:
        y = x + 1
    return L
print(make2().y)
