def make():
    global created
    created = 42
print('created' in globals())
make()
print(created)
