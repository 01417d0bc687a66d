# A class: the body as a function run by __build_class__, __module__ and
# __qualname__ stored, a method using super() (the __class__ cell and
# __classcell__), a private name mangled.
class Child(Base, metaclass=Meta):
    limit = 10

    def __init__(self, value):
        super().__init__()
        self.__value = value
