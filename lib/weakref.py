"""Weak references: `ref` comes from the native `_weakref`; the containers
(WeakValueDictionary, WeakKeyDictionary, WeakSet), WeakMethod, proxy and
finalize are built on it here."""

from _weakref import ref, getweakrefcount, getweakrefs, ReferenceType

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary", "ReferenceType",
           "ProxyType", "CallableProxyType", "ProxyTypes", "WeakValueDictionary", "WeakSet",
           "WeakMethod", "finalize"]


class WeakMethod(ref):
    """A weak reference to a bound method, which a plain ref cannot keep
    (the bound method object dies at once): it holds the instance and the
    function weakly and rebuilds the method when called."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}".format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class ProxyType:
    """What proxy() returns: the object's attributes and operators, through
    a weak reference; ReferenceError once the object is gone."""

    __slots__ = ("_proxy_ref", "__weakref__")

    def __init__(self, obj, callback=None):
        if callback is not None:
            object.__setattr__(self, "_proxy_ref", ref(obj, lambda r: callback(self)))
        else:
            object.__setattr__(self, "_proxy_ref", ref(obj))

    def _target(self):
        obj = object.__getattribute__(self, "_proxy_ref")()
        if obj is None:
            raise ReferenceError("weakly-referenced object no longer exists")
        return obj

    def __getattr__(self, name):
        return getattr(ProxyType._target(self), name)

    def __setattr__(self, name, value):
        setattr(ProxyType._target(self), name, value)

    def __delattr__(self, name):
        delattr(ProxyType._target(self), name)

    def __repr__(self):
        obj = object.__getattribute__(self, "_proxy_ref")()
        return "<weakproxy at {:#x}; to '{}' at {:#x}>".format(id(self), type(obj).__name__, id(obj))

    def __str__(self):
        return str(ProxyType._target(self))

    def __bool__(self):
        return bool(ProxyType._target(self))

    def __len__(self):
        return len(ProxyType._target(self))

    def __iter__(self):
        return iter(ProxyType._target(self))

    def __contains__(self, item):
        return item in ProxyType._target(self)

    def __getitem__(self, key):
        return ProxyType._target(self)[key]

    def __setitem__(self, key, value):
        ProxyType._target(self)[key] = value

    def __delitem__(self, key):
        del ProxyType._target(self)[key]

    def __eq__(self, other):
        return ProxyType._target(self) == other

    def __ne__(self, other):
        return ProxyType._target(self) != other

    def __lt__(self, other):
        return ProxyType._target(self) < other

    def __le__(self, other):
        return ProxyType._target(self) <= other

    def __gt__(self, other):
        return ProxyType._target(self) > other

    def __ge__(self, other):
        return ProxyType._target(self) >= other

    def __add__(self, other):
        return ProxyType._target(self) + other

    def __sub__(self, other):
        return ProxyType._target(self) - other

    def __mul__(self, other):
        return ProxyType._target(self) * other

    __hash__ = None


class CallableProxyType(ProxyType):
    __slots__ = ()

    def __call__(self, *args, **kwargs):
        return ProxyType._target(self)(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """A proxy to obj that holds it weakly."""
    if callable(obj):
        return CallableProxyType(obj, callback)
    return ProxyType(obj, callback)


class KeyedRef(ref):
    """A weak reference that remembers its key: WeakValueDictionary's."""

    __slots__ = ("key",)

    def __new__(cls, obj, callback, key):
        self = ref.__new__(cls, obj, callback)
        self.key = key
        return self

    def __init__(self, obj, callback, key):
        pass


class _WeakMapping:
    """What the two weak dictionaries share; `data` is the dict underneath."""

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def keys(self):
        return iter(self)

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if hasattr(other, "items"):
                other = other.items()
            for key, value in other:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def copy(self):
        new = self._copy_class()
        for key, value in self.items():
            new[key] = value
        return new

    def __copy__(self):
        return self.copy()

    def clear(self):
        self.data.clear()


class WeakValueDictionary(_WeakMapping):
    """A mapping whose values are held weakly: an entry goes when its value dies."""

    def __init__(self, other=(), /, **kwargs):
        self_ref = ref(self)

        def remove(wr):
            self = self_ref()
            if self is not None:
                if self.data.get(wr.key) is wr:
                    del self.data[wr.key]

        self._remove = remove
        self.data = {}
        self.update(other, **kwargs)

    def __getitem__(self, key):
        obj = self.data[key]()
        if obj is None:
            raise KeyError(key)
        return obj

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __contains__(self, key):
        try:
            obj = self.data[key]()
        except KeyError:
            return False
        return obj is not None

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __iter__(self):
        for key, wr in list(self.data.items()):
            if wr() is not None:
                yield key

    def get(self, key, default=None):
        try:
            wr = self.data[key]
        except KeyError:
            return default
        obj = wr()
        return default if obj is None else obj

    def items(self):
        for key, wr in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield key, obj

    def values(self):
        for wr in list(self.data.values()):
            obj = wr()
            if obj is not None:
                yield obj

    def itervaluerefs(self):
        yield from list(self.data.values())

    def valuerefs(self):
        return list(self.data.values())

    def pop(self, key, *default):
        try:
            obj = self.data.pop(key)()
        except KeyError:
            obj = None
        if obj is None:
            if default:
                return default[0]
            raise KeyError(key)
        return obj

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            obj = wr()
            if obj is not None:
                return key, obj

    def setdefault(self, key, default=None):
        obj = self.get(key)
        if obj is None:
            self[key] = default
            return default
        return obj


class WeakKeyDictionary(_WeakMapping):
    """A mapping whose keys are held weakly: an entry goes when its key dies."""

    def __init__(self, dict=None):
        self_ref = ref(self)

        def remove(k):
            self = self_ref()
            if self is not None:
                self.data.pop(k, None)

        self._remove = remove
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __iter__(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        for wr, value in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield obj, value

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def pop(self, key, *default):
        return self.data.pop(ref(key), *default)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            obj = wr()
            if obj is not None:
                return obj, value

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)


# copy() makes the class itself even for subclasses, as CPython's.
WeakValueDictionary._copy_class = WeakValueDictionary
WeakKeyDictionary._copy_class = WeakKeyDictionary


class WeakSet:
    """A set whose elements are held weakly: an element goes when it dies."""

    def __init__(self, data=None):
        self_ref = ref(self)

        def remove(item):
            self = self_ref()
            if self is not None:
                self.data.discard(item)

        self._remove = remove
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def pop(self):
        while True:
            obj = self.data.pop()()
            if obj is not None:
                return obj

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    __copy__ = copy

    def update(self, other):
        for element in other:
            self.add(element)

    def __ior__(self, other):
        self.update(other)
        return self

    def __eq__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return set(self) == set(other)

    __hash__ = None

    def union(self, other):
        return type(self)(list(self) + list(other))

    __or__ = union

    def difference(self, other):
        other = set(other)
        return type(self)(item for item in self if item not in other)

    __sub__ = difference

    def intersection(self, other):
        other = set(other)
        return type(self)(item for item in self if item in other)

    __and__ = intersection

    def issubset(self, other):
        return set(self) <= set(other)

    __le__ = issubset

    def issuperset(self, other):
        return set(self) >= set(other)

    __ge__ = issuperset


class finalize:
    """Calls func(*args, **kwargs) when obj dies, or at exit if still
    alive (atexit=True), or when called, whichever comes first; once."""

    _registry = {}
    _counter = 0

    def __init__(self, obj, func, /, *args, **kwargs):
        finalize._counter += 1
        self._key = finalize._counter
        self._ref = ref(obj, self)
        # The registry keeps the finalizer alive until it runs.
        finalize._registry[self._key] = (self, func, args, kwargs)
        self.atexit = True

    def __call__(self, _=None):
        info = finalize._registry.pop(self._key, None)
        if info is not None:
            _, func, args, kwargs = info
            return func(*args, **kwargs)

    def detach(self):
        info = finalize._registry.pop(self._key, None)
        obj = self._ref()
        if info is not None and obj is not None:
            return (obj, info[1], info[2], info[3])

    def peek(self):
        info = finalize._registry.get(self._key)
        obj = self._ref()
        if info is not None and obj is not None:
            return (obj, info[1], info[2], info[3])

    @property
    def alive(self):
        return self._key in finalize._registry

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return "<finalize object at %#x; dead>" % id(self)
        return "<finalize object at %#x; for %r at %#x>" % (id(self), type(obj).__name__, id(obj))
