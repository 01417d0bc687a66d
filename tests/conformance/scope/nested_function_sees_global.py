counter = 0
def outer():
    def inner():
        global counter
        counter += 10
    inner()
    inner()
outer()
print(counter)
