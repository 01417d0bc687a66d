x = 'global'
def read():
    return x
def shadow():
    x = 'local'
    return x
print(read(), shadow(), x)
def modify():
    global x
    x = 'modified'
modify()
print(x)
