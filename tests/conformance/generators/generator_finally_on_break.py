def resource():
    try:
        for i in range(5):
            yield i
    finally:
        print('resource released')
for v in resource():
    if v == 1:
        break
print('after loop')
g = resource()
next(g)
del g
print('after del')
