x: int = 5
y: 'str'
def f(a: int, b: str = 'b', *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b]
print(x, f(1))
print(f.__annotations__)
print(__annotations__)
class C:
    attr: int
    other: str = 'x'
print(C.__annotations__, C.other)
print('y' in globals())
