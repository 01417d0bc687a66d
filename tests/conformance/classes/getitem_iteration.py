class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError('done')
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
for v in Seq():
    print(v, end=' ')
print()
class Mapping:
    def __getitem__(self, key):
        return f'value for {key!r}'
m = Mapping()
print(m['a'], m[1:3], m[1, 2], m[...])
