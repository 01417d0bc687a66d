class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print('Meta.__new__', name, sorted(k for k in ns if not k.startswith('__')), kwargs)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tagged = True
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        print('Meta.__init__', name)
        super().__init__(name, bases, ns)
    def __call__(cls, *args):
        print('Meta.__call__', cls.__name__, args)
        return super().__call__(*args)
    def __repr__(cls):
        return f'<class {cls.__name__} via Meta>'
class Base(metaclass=Meta, flag=1):
    x = 1
    def method(self):
        pass
class Derived(Base):
    pass
print(Base.tagged, type(Derived).__name__, repr(Derived))
d = Derived()
print(type(d).__name__, isinstance(Derived, Meta))
