def tag(name):
    def deco(fn):
        print('apply', name)
        def wrapper():
            return f'<{name}>' + fn() + f'</{name}>'
        return wrapper
    return deco
@tag('a')
@tag('b')
@tag('c')
def text():
    return 'x'
print(text())
