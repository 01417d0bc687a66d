class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
def count_down(start):
    while start > 0:
        yield start
        start -= 1
print(list(CountDown(3)), list(count_down(3)))
c = CountDown(2)
print(list(c), list(c))
