def numbers():
    for i in range(3):
        print('produce', i)
        yield i
def doubled(src):
    for v in src:
        print('double', v)
        yield v * 2
pipeline = doubled(numbers())
print('nothing yet')
for v in pipeline:
    print('consume', v)
squares = (print('square', x) or x * x for x in range(2))
print('genexp created')
print(list(squares))
