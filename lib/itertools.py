"""Iterator building blocks: infinite iterators (count, cycle, repeat),
iterators over shorter inputs (accumulate, chain, compress, dropwhile,
filterfalse, groupby, islice, pairwise, starmap, takewhile, tee, zip_longest)
and combinatorics (product, permutations, combinations,
combinations_with_replacement).

Each is a class, as in CPython, so that isinstance() and type names match;
most keep a generator underneath that does the work lazily, while argument
errors are raised at construction as CPython raises them.
"""

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest']


class _GeneratorBacked:
    """An iterator whose items come from the generator in self._gen."""
    __slots__ = ('_gen',)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


# Argument parsing with the messages of CPython's C constructors, which
# differ between those taking only positional arguments and those written
# with argument clinic.

_MISSING = object()


def _no_keywords(name, kwargs):
    if kwargs:
        raise TypeError(f'{name}() takes no keyword arguments')


def _positional(name, args, kwargs, count):
    """The arguments of a constructor taking exactly count positional ones."""
    _no_keywords(name, kwargs)
    if len(args) != count:
        plural = '' if count == 1 else 's'
        raise TypeError(f'{name} expected {count} argument{plural}, got {len(args)}')
    return args


def _clinic(name, args, kwargs, names, required, keyword_only=()):
    """Bind args and kwargs to the parameters `names` (the first `required`
    of them mandatory) and `keyword_only`; absent optional ones are
    _MISSING."""
    if len(args) > len(names):
        kind = ' positional' if keyword_only else ''
        plural = '' if len(names) == 1 else 's'
        raise TypeError(f'{name}() takes at most {len(names)}{kind} argument{plural} '
                        f'({len(args)} given)')
    values = dict(zip(names, args))
    for key, value in kwargs.items():
        if key in names:
            if key in values:
                raise TypeError(f"argument for {name}() given by name ('{key}') "
                                f"and position ({names.index(key) + 1})")
        elif key not in keyword_only:
            raise TypeError(f"'{key}' is an invalid keyword argument for {name}()")
        values[key] = value
    for position, parameter in enumerate(names[:required]):
        if parameter not in values:
            raise TypeError(f"{name}() missing required argument '{parameter}' "
                            f"(pos {position + 1})")
    return [values.get(parameter, _MISSING) for parameter in names + tuple(keyword_only)]


def _as_int(value, message):
    try:
        method = type(value).__index__
    except AttributeError:
        raise TypeError(message) from None
    return method(value)


# --- infinite iterators ---------------------------------------------------

class count:
    """count(start=0, step=1) --> start, start+step, start+2*step, ..."""
    __slots__ = ('_current', '_step')

    def __init__(self, *args, **kwargs):
        start, step = _clinic('count', args, kwargs, ('start', 'step'), 0)
        start = 0 if start is _MISSING else start
        step = 1 if step is _MISSING else step
        for value in (start, step):
            if not _is_number(value):
                raise TypeError('a number is required')
        self._current = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._current
        self._current = value + self._step
        return value

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return f'{type(self).__name__}({self._current!r})'
        return f'{type(self).__name__}({self._current!r}, {self._step!r})'


def _is_number(value):
    cls = type(value)
    return (hasattr(cls, '__index__') or hasattr(cls, '__float__')
            or hasattr(cls, '__int__') or hasattr(cls, '__complex__'))


class cycle(_GeneratorBacked):
    """cycle(iterable) --> the items of iterable, then again, forever."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, = _positional('cycle', args, kwargs, 1)
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        saved = []
        for element in it:
            yield element
            saved.append(element)
        if not saved:
            return
        while True:
            yield from saved


class repeat:
    """repeat(object [,times]) --> object, forever or times times."""
    __slots__ = ('_object', '_times')

    def __init__(self, *args, **kwargs):
        object, times = _clinic('repeat', args, kwargs, ('object', 'times'), 1)
        self._object = object
        if times is _MISSING:
            times = None
        else:
            times = _as_int(times, f"'{type(times).__name__}' object cannot be interpreted as an integer")
            times = max(times, 0)
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return f'{type(self).__name__}({self._object!r})'
        return f'{type(self).__name__}({self._object!r}, {self._times})'


# --- iterators over finite inputs -----------------------------------------

class accumulate(_GeneratorBacked):
    """accumulate(iterable, func=operator.add, *, initial=None): running
    totals (or results of func)."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, func, initial = _clinic('accumulate', args, kwargs,
                                          ('iterable', 'func'), 1, ('initial',))
        func = None if func is _MISSING else func
        initial = None if initial is _MISSING else initial
        self._gen = self._run(iter(iterable), func, initial)

    @staticmethod
    def _run(it, func, initial):
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        for element in it:
            total = total + element if func is None else func(total, element)
            yield total


class chain(_GeneratorBacked):
    """chain(*iterables) --> the items of the first iterable, then of the
    next, and so on."""
    __slots__ = ()

    def __init__(self, *iterables, **kwargs):
        _no_keywords(type(self).__name__, kwargs)
        self._gen = self._run(iter(iterables))

    @staticmethod
    def _run(iterables):
        for iterable in iterables:
            yield from iterable

    @classmethod
    def from_iterable(cls, *args, **kwargs):
        """Chain the iterables an iterable yields, taken lazily."""
        _no_keywords('chain.from_iterable', kwargs)
        if len(args) != 1:
            raise TypeError(f'chain.from_iterable() takes exactly one argument '
                            f'({len(args)} given)')
        iterable = args[0]
        self = cls.__new__(cls)
        self._gen = cls._run(iter(iterable))
        return self


class compress(_GeneratorBacked):
    """compress(data, selectors) --> the data items whose selector is true."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        data, selectors = _clinic('compress', args, kwargs, ('data', 'selectors'), 2)
        self._gen = (d for d, s in zip(iter(data), iter(selectors)) if s)


class dropwhile(_GeneratorBacked):
    """dropwhile(predicate, iterable) --> skip items while predicate holds,
    then every remaining item."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        predicate, iterable = _positional('dropwhile', args, kwargs, 2)
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for element in it:
            if not predicate(element):
                yield element
                break
        yield from it


class takewhile(_GeneratorBacked):
    """takewhile(predicate, iterable) --> items as long as predicate holds."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        predicate, iterable = _positional('takewhile', args, kwargs, 2)
        self._gen = self._run(predicate, iter(iterable))

    @staticmethod
    def _run(predicate, it):
        for element in it:
            if not predicate(element):
                return
            yield element


class filterfalse(_GeneratorBacked):
    """filterfalse(function or None, iterable) --> the items for which
    function(item) is false (the false items when function is None)."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        function, iterable = _positional('filterfalse', args, kwargs, 2)
        it = iter(iterable)
        if function is None:
            self._gen = (x for x in it if not x)
        else:
            self._gen = (x for x in it if not function(x))


class starmap(_GeneratorBacked):
    """starmap(function, iterable) --> function(*item) for each item."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        function, iterable = _positional('starmap', args, kwargs, 2)
        self._gen = (function(*items) for items in iter(iterable))


class pairwise(_GeneratorBacked):
    """pairwise(iterable) --> (s0, s1), (s1, s2), (s2, s3), ..."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, = _positional('pairwise', args, kwargs, 1)
        self._gen = self._run(iter(iterable))

    @staticmethod
    def _run(it):
        try:
            previous = next(it)
        except StopIteration:
            return
        for element in it:
            yield previous, element
            previous = element


class islice(_GeneratorBacked):
    """islice(iterable, stop) or islice(iterable, start, stop[, step]) -->
    the selected items, like seq[start:stop:step] without negative values."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        _no_keywords('islice', kwargs)
        if len(args) < 2:
            raise TypeError(f'islice expected at least 2 arguments, got {len(args)}')
        if len(args) > 4:
            raise TypeError(f'islice expected at most 4 arguments, got {len(args)}')
        iterable = args[0]
        if len(args) == 2:
            start, stop, step = None, args[1], None
        else:
            start, stop = args[1], args[2]
            step = args[3] if len(args) == 4 else None
        stop_message = ('Stop argument for islice() must be None or an integer: '
                        '0 <= x <= sys.maxsize.')
        index_message = ('Indices for islice() must be None or an integer: '
                         '0 <= x <= sys.maxsize.')
        if stop is not None:
            message = stop_message if len(args) == 2 else index_message
            stop = _islice_index(stop, message)
        start = 0 if start is None else _islice_index(start, index_message)
        if step is None:
            step = 1
        else:
            try:
                step = _as_int(step, '')
            except TypeError:
                step = -1
            if step <= 0:
                raise ValueError('Step for islice() must be a positive integer or None.')
        self._gen = self._run(iter(iterable), start, stop, step)

    @staticmethod
    def _run(it, start, stop, step):
        if stop is not None and stop <= start:
            # Nothing to yield; the source is still advanced up to start.
            for _ in zip(range(start), it):
                pass
            return
        next_index = start
        index = -1
        for index, element in enumerate(it):
            if index == next_index:
                yield element
                next_index += step
                if stop is not None and next_index >= stop:
                    break
        else:
            return
        # As CPython, the source is advanced up to stop before ending.
        for _ in zip(range(index + 1, stop), it):
            pass


def _islice_index(value, message):
    try:
        value = _as_int(value, message)
    except TypeError:
        raise ValueError(message) from None
    if value < 0:
        raise ValueError(message)
    return value


class zip_longest(_GeneratorBacked):
    """zip_longest(*iterables, fillvalue=None) --> tuples of the items of
    each iterable, the shorter ones padded with fillvalue."""
    __slots__ = ()

    def __init__(self, *iterables, **kwargs):
        fillvalue = kwargs.pop('fillvalue', None)
        if kwargs:
            raise TypeError('zip_longest() got an unexpected keyword argument')
        self._gen = self._run([iter(it) for it in iterables], fillvalue)

    @staticmethod
    def _run(iterators, fillvalue):
        active = len(iterators)
        if not active:
            return
        while True:
            values = []
            for position, it in enumerate(iterators):
                if it is None:
                    values.append(fillvalue)
                    continue
                try:
                    values.append(next(it))
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    iterators[position] = None
                    values.append(fillvalue)
            yield tuple(values)


class groupby:
    """groupby(iterable, key=None) --> (key, group) pairs for runs of items
    with equal keys; each group is an iterator sharing the source, so
    advancing groupby ends the previous group."""
    __slots__ = ('_it', '_keyfunc', '_target_key', '_current_key',
                 '_current_value', '_generation')

    _EXHAUSTED = object()

    def __init__(self, *args, **kwargs):
        iterable, key = _clinic('groupby', args, kwargs, ('iterable', 'key'), 1)
        if key is _MISSING:
            key = None
        self._keyfunc = (lambda x: x) if key is None else key
        self._it = iter(iterable)
        self._target_key = self._current_key = self._current_value = self._EXHAUSTED
        self._generation = 0

    def __iter__(self):
        return self

    def _step(self):
        value = next(self._it)
        self._current_value = value
        self._current_key = self._keyfunc(value)

    def __next__(self):
        self._generation += 1
        # Skip what remains of the current group.
        while True:
            if self._current_key is self._EXHAUSTED:
                self._step()
            elif self._target_key is self._EXHAUSTED:
                break
            elif not (self._target_key == self._current_key):
                break
            else:
                self._step()
        self._target_key = self._current_key
        return self._current_key, _grouper(self, self._target_key, self._generation)


class _grouper:
    __slots__ = ('_parent', '_key', '_generation')

    def __init__(self, parent, key, generation):
        self._parent = parent
        self._key = key
        self._generation = generation

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._generation != self._generation:
            raise StopIteration
        if parent._current_key is groupby._EXHAUSTED:
            parent._step()
        if not (self._key == parent._current_key):
            raise StopIteration
        value = parent._current_value
        parent._current_key = groupby._EXHAUSTED
        return value


# --- tee ------------------------------------------------------------------

class _TeeSource:
    """The iterator shared by a family of tee objects, with the items read
    from it kept in a linked list until every tee has moved past them."""
    __slots__ = ('it',)

    def __init__(self, it):
        self.it = it


class _tee:
    """One of the independent iterators returned by tee()."""
    __slots__ = ('_source', '_link')

    def __init__(self, source, link):
        self._source = source
        # A link is [value, next_link]; the last link is [None, None], an
        # empty slot to fill when the next value is read from the source.
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link[1] is None:
            value = next(self._source.it)
            link[0] = value
            link[1] = [None, None]
        self._link = link[1]
        return link[0]

    def __copy__(self):
        return _tee(self._source, self._link)


_tee.__name__ = _tee.__qualname__ = '_tee'


def tee(*args, **kwargs):
    """tee(iterable, n=2) --> tuple of n independent iterators."""
    _no_keywords('itertools.tee', kwargs)
    if not args:
        raise TypeError('tee expected at least 1 argument, got 0')
    if len(args) > 2:
        raise TypeError(f'tee expected at most 2 arguments, got {len(args)}')
    iterable, n = args if len(args) == 2 else (args[0], 2)
    n = _as_int(n, f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    # As CPython: an iterator that can copy itself (a tee, say) is used as
    # the first result and copied for the others.
    copy = getattr(it, '__copy__', None)
    if copy is None:
        it = _tee(_TeeSource(it), [None, None])
        copy = it.__copy__
    return (it,) + tuple(copy() for _ in range(n - 1))


# --- combinatorics --------------------------------------------------------

class product(_GeneratorBacked):
    """product(*iterables, repeat=1) --> the cartesian product, as tuples,
    in lexicographic order of the inputs."""
    __slots__ = ()

    def __init__(self, *iterables, **kwargs):
        if len(kwargs) > 1:
            raise TypeError(f'product() takes at most 1 keyword argument '
                            f'({len(kwargs)} given)')
        for key in kwargs:
            if key != 'repeat':
                raise TypeError(f"'{key}' is an invalid keyword argument for product()")
        repeat = kwargs.get('repeat', 1)
        repeat = _as_int(repeat, f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._gen = self._run(pools)

    @staticmethod
    def _run(pools):
        if any(not pool for pool in pools):
            return
        indices = [0] * len(pools)
        yield tuple(pool[0] for pool in pools)
        while True:
            for position in reversed(range(len(pools))):
                indices[position] += 1
                if indices[position] < len(pools[position]):
                    break
                indices[position] = 0
            else:
                return
            yield tuple(pool[i] for pool, i in zip(pools, indices))


def _check_r(r, message=None):
    if message is None:
        message = f"'{type(r).__name__}' object cannot be interpreted as an integer"
    r = _as_int(r, message)
    if r < 0:
        raise ValueError('r must be non-negative')
    return r


class permutations(_GeneratorBacked):
    """permutations(iterable, r=None) --> successive r-length permutations
    of the items, in lexicographic order of positions."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, r = _clinic('permutations', args, kwargs, ('iterable', 'r'), 1)
        pool = tuple(iterable)
        r = len(pool) if r is _MISSING or r is None else _check_r(r, 'Expected int as r')
        self._gen = self._run(pool, r)

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class combinations(_GeneratorBacked):
    """combinations(iterable, r) --> successive r-length combinations of the
    items, in lexicographic order of positions."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, r = _clinic('combinations', args, kwargs, ('iterable', 'r'), 2)
        pool = tuple(iterable)
        self._gen = self._run(pool, _check_r(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_GeneratorBacked):
    """combinations_with_replacement(iterable, r) --> successive r-length
    combinations allowing an item to repeat."""
    __slots__ = ()

    def __init__(self, *args, **kwargs):
        iterable, r = _clinic('combinations_with_replacement', args, kwargs, ('iterable', 'r'), 2)
        pool = tuple(iterable)
        self._gen = self._run(pool, _check_r(r))

    @staticmethod
    def _run(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)
