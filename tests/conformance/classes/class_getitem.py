class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{item}]'
print(Box[int], Box['x'])
print(list[int], dict[str, list[int]], tuple[int, ...], type[str])
alias = list[int]
print(type(alias).__name__, alias.__origin__, alias.__args__, alias([1, 2]))
print(isinstance([1], list), list[int] == list[int])
try:
    isinstance([], list[int])
except TypeError as e:
    print(type(e).__name__, e)
try:
    int[str]
except TypeError as e:
    print(type(e).__name__, e)
