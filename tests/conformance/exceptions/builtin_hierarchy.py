import builtins
names = sorted(n for n, v in vars(builtins).items()
               if isinstance(v, type) and issubclass(v, BaseException))
print(len(names))
for name in names:
    cls = getattr(builtins, name)
    print(name, [c.__name__ for c in cls.__mro__])
