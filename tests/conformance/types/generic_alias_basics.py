# list[int] and friends: types.GenericAlias, for annotations.
print(list[int], dict[str, list[int]], tuple[()], tuple[int, ...], set[1], frozenset[int])
alias = list[int]
print(alias.__origin__, alias.__args__, alias.__parameters__, alias.__name__, type(alias))
print(alias('ab'), alias == list[int], alias == list[str], hash(alias) == hash(list[int]))
def f(x: list[int]) -> dict[str, int]:
    pass
print(f.__annotations__)
class L(list[int]):
    pass
print(L.__bases__, L([1]))
