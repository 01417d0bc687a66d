"""Shallow and deep copy operations: copy(x), deepcopy(x, memo), and the
Error they raise. Classes take part through __copy__ / __deepcopy__, or
through the pickle protocol (__reduce_ex__, __reduce__, __getstate__,
__setstate__)."""

import copyreg as _copyreg

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


def _deepcopy_slice(x, memo):
    # Not atomic for deepcopy either: rebuilt from its reduction's arguments.
    return slice(deepcopy(x.start, memo), deepcopy(x.stop, memo), deepcopy(x.step, memo))


def _deepcopy_bytearray(x, memo):
    return bytearray(x)


_MethodType = type(copy.__get__(0))

_DEEP_DISPATCH = {list: _deepcopy_list, tuple: _deepcopy_tuple,
                  dict: _deepcopy_dict, _MethodType: _deepcopy_method,
                  frozenset: _deepcopy_frozenset, bytearray: _deepcopy_bytearray,
                  slice: _deepcopy_slice}


def _reduce(x, kind):
    """The reduction of x, as CPython's copy asks for it: a reducer that
    copyreg.pickle() registered for its class, else x.__reduce_ex__(4)."""
    cls = type(x)
    reductor = _copyreg.dispatch_table.get(cls)
    if reductor is not None:
        rv = reductor(x)
    else:
        reductor = getattr(x, '__reduce_ex__', None)
        if reductor is not None:
            rv = reductor(4)
        else:
            reductor = getattr(x, '__reduce__', None)
            if not reductor:
                raise Error(f'un({kind})copyable object of type {cls}')
            rv = reductor()
    if isinstance(rv, str):
        return (lambda: x,)     # a global: copied as itself
    return rv


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
