class Sized:
    def __len__(self):
        return 3
class Indexable:
    def __len__(self):
        return 2
    def __getitem__(self, i):
        if i < 2:
            return 'item%d' % i
        raise IndexError(i)
print(len(Sized()), list(Indexable()), list(reversed(Indexable())))
print(sorted(Indexable(), reverse=True), 'item1' in Indexable())
