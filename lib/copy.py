"""Shallow and deep copy operations: copy(x), deepcopy(x, memo), and the
Error they raise. Classes take part through __copy__ / __deepcopy__, or
through the pickle protocol (__reduce_ex__, __reduce__, __getstate__,
__setstate__)."""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass

error = Error   # the old name


def _function():
    pass

# Types whose instances are immutable (or treated as such): copies are the
# object itself.
_ATOMIC = {type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
           complex, bytes, str, type, range, slice, property, type(_function),
           type(len), type(_function.__code__), frozenset, tuple}
try:
    from _weakref import ref as _weakref_type
    _ATOMIC.add(_weakref_type)
except ImportError:
    pass


def copy(x):
    """Shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or issubclass(cls, type):
        return x
    if cls in (list, dict, set, bytearray):
        return cls.copy(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    if cls is _MethodType:
        # What a bound method's reduction, getattr(obj, name), gives back.
        return cls(x.__func__, x.__self__)
    return _reconstruct(x, None, *_reduce(x, 'shallow'))


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy of x. memo maps id(original) to its copy, so that shared and
    recursive structures are copied once."""
    if memo is None:
        memo = {}
    key = id(x)
    y = memo.get(key, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    copier = _DEEP_DISPATCH.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif cls in _ATOMIC or issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo, *_reduce(x, 'deep'))
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # Keep the originals alive while the memo is in use, so that their ids
    # cannot be reused by new objects during the copy.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for item in x:
        y.append(deepcopy(item, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(item, memo) for item in x]
    # A recursive tuple may have been copied meanwhile.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for original, copied in zip(x, y):
        if original is not copied:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


def _deepcopy_frozenset(x, memo):
    # Not atomic for deepcopy: CPython rebuilds it from its reduction.
    return frozenset([deepcopy(item, memo) for item in x])


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


_MethodType = type(copy.__get__(0))

_DEEP_DISPATCH = {list: _deepcopy_list, tuple: _deepcopy_tuple,
                  dict: _deepcopy_dict, _MethodType: _deepcopy_method,
                  frozenset: _deepcopy_frozenset, bytearray: _deepcopy_bytearray}


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        slots = klass.__dict__.get('__slots__', ())
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = f'_{klass.__name__.lstrip("_")}{name}'
            names.append(name)
    return names


def _object_state(x):
    """What CPython's object.__getstate__ returns: the instance dict (None if
    empty or absent), paired with a dict of the set slots if any."""
    state = getattr(x, '__dict__', None) or None
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        return (state, slots)
    return state


def _reduce(x, kind):
    """The reduction of x: (callable, args, state, listitems, dictitems)."""
    cls = type(x)
    reductor = getattr(cls, '__reduce_ex__', None)
    if reductor is not None and reductor is not object.__reduce_ex__:
        rv = x.__reduce_ex__(4)
    elif getattr(cls, '__reduce__', None) is not object.__reduce__:
        rv = x.__reduce__()
    else:
        try:
            rv = object.__reduce_ex__(x, 4)
        except TypeError:
            # Workaround: coil's object.__reduce_ex__ cannot reduce plain
            # instances yet; rebuild them as CPython's copyreg.__newobj__ does.
            rv = _plain_reduction(x)
            if rv is None:
                raise Error(f'un({kind})copyable object of type {cls}') from None
    if isinstance(rv, str):
        return (lambda: x,)     # a global: copied as itself
    return rv


def _plain_reduction(x):
    cls = type(x)
    getnewargs_ex = getattr(x, '__getnewargs_ex__', None)
    getnewargs = getattr(x, '__getnewargs__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
        rebuild = lambda cls, args: cls.__new__(cls, *args, **kwargs)
    elif getnewargs is not None:
        args = tuple(getnewargs())
        rebuild = lambda cls, args: cls.__new__(cls, *args)
    elif cls.__new__ is object.__new__ or issubclass(cls, (list, dict, set)):
        args = ()
        rebuild = None
    else:
        return None
    getstate = getattr(cls, '__getstate__', None)
    if getstate is None or getstate is object.__getstate__:
        state = _object_state(x)
    else:
        state = x.__getstate__()
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    if rebuild is not None:
        return (rebuild, (cls, args), state, listitems, dictitems)
    args = (cls,)
    if isinstance(x, set):
        # A set subclass is rebuilt from its items, as CPython's set reduction.
        return (_rebuild_set, (cls, list(x)), state, None, None)
    return (_newobj, args, state, listitems, dictitems)


def _rebuild_set(cls, items):
    y = cls.__new__(cls)
    set.__init__(y, items)
    return y


def _reconstruct(x, memo, func, args=(), state=None, listiter=None,
                 dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        if deep:
            for item in listiter:
                y.append(deepcopy(item, memo))
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
        else:
            for key, value in dictiter:
                y[key] = value
    return y
