"""Heap queue algorithms on plain lists: heap[0] is the smallest item and
heap[k] <= heap[2*k+1], heap[2*k+2] for every k. Also merge() of sorted
inputs and nlargest()/nsmallest()."""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check_list(function_name, heap, only_argument=False):
    # The wording follows CPython's argument clinic: a function of one
    # argument does not number it.
    if not isinstance(heap, list):
        which = 'argument' if only_argument else 'argument 1'
        raise TypeError(f'{function_name}() {which} must be list, '
                        f'not {type(heap).__name__}')


def heappush(heap, item, /):
    """Push item onto heap, maintaining the heap invariant."""
    _check_list('heappush', heap)
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap, /):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check_list('heappop', heap, True)
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if heap:
        smallest = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return smallest
    return last


def heapreplace(heap, item, /):
    """Pop and return the smallest item, then push item: one operation, so
    the heap size is unchanged (the result may be larger than item)."""
    _check_list('heapreplace', heap)
    if not heap:
        raise IndexError('index out of range')
    smallest = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return smallest


def heappushpop(heap, item, /):
    """Push item, then pop and return the smallest item, faster than
    heappush() followed by heappop()."""
    _check_list('heappushpop', heap)
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(heap, /):
    """Transform a list into a heap, in place, in linear time."""
    _check_list('heapify', heap, True)
    for position in reversed(range(len(heap) // 2)):
        _siftup(heap, position)


def _heappop_max(heap):
    """Maxheap version of heappop."""
    last = heap.pop()
    if heap:
        largest = heap[0]
        heap[0] = last
        _siftup_max(heap, 0)
        return largest
    return last


def _heapreplace_max(heap, item):
    """Maxheap version of heapreplace."""
    largest = heap[0]
    heap[0] = item
    _siftup_max(heap, 0)
    return largest


def _heapify_max(heap):
    """Maxheap version of heapify."""
    for position in reversed(range(len(heap) // 2)):
        _siftup_max(heap, position)


# The sifts follow the classic scheme CPython uses, so that the layout of a
# heap after each operation is the same as CPython's: _siftup moves the hole
# at pos down to a leaf along the smaller children, then bubbles the new item
# up from there with _siftdown (fewer comparisons than stopping early).

def _siftdown(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if newitem < parent:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[childpos] < heap[rightpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    newitem = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if parent < newitem:
            heap[pos] = parent
            pos = parentpos
            continue
        break
    heap[pos] = newitem


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    newitem = heap[pos]
    childpos = 2 * pos + 1
    while childpos < endpos:
        rightpos = childpos + 1
        if rightpos < endpos and not heap[rightpos] < heap[childpos]:
            childpos = rightpos
        heap[pos] = heap[childpos]
        pos = childpos
        childpos = 2 * pos + 1
    heap[pos] = newitem
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator, lazily. Equal items
    come out in the order of their inputs (a stable merge)."""
    # Heap entries are [sort key, input number, value, next function]; the
    # input number breaks ties, so values themselves are never compared
    # beyond their keys and the merge stays stable.
    if reverse:
        heapify_, pop, replace, direction = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        heapify_, pop, replace, direction = heapify, heappop, heapreplace, 1
    entries = []
    for order, it in enumerate(map(iter, iterables)):
        next_item = it.__next__
        try:
            value = next_item()
        except StopIteration:
            continue
        sort_key = value if key is None else key(value)
        entries.append([sort_key, order * direction, value, next_item])
    heapify_(entries)
    while len(entries) > 1:
        entry = entries[0]
        while True:
            yield entry[2]
            try:
                value = entry[3]()
            except StopIteration:
                pop(entries)
                break
            entry[0] = value if key is None else key(value)
            entry[2] = value
            replace(entries, entry)
            entry = entries[0]
    if entries:
        entry = entries[0]
        yield entry[2]
        yield from _rest(entry[3])


def _rest(next_item):
    while True:
        try:
            yield next_item()
        except StopIteration:
            return


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable, as sorted(iterable, key=key)[:n]."""
    if n <= 0:
        return []
    if n == 1:
        sentinel = object()
        result = min(iterable, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    return _n_best(n, iterable, key, largest=False)


def nlargest(n, iterable, key=None):
    """The n largest items of iterable, as
    sorted(iterable, key=key, reverse=True)[:n]."""
    if n <= 0:
        return []
    if n == 1:
        sentinel = object()
        result = max(iterable, default=sentinel, key=key)
        return [] if result is sentinel else [result]
    return _n_best(n, iterable, key, largest=True)


def _n_best(n, iterable, key, largest):
    # Keep the n best items seen so far in a heap whose root is the worst of
    # them. Entries are (key, tie, value): tie orders equal keys by position
    # (earlier is better, as sorted() is stable), and being unique it keeps
    # the values themselves from ever being compared.
    keyfunc = (lambda x: x) if key is None else key
    heap = []
    if largest:
        # A min-heap: the root has the smallest key and, among equal keys,
        # the latest position (largest order, smallest -order).
        for order, value in enumerate(iterable):
            entry = (keyfunc(value), -order, value)
            if len(heap) < n:
                heappush(heap, entry)
            elif heap[0][0] < entry[0]:
                heapreplace(heap, entry)
        heap.sort(reverse=True)
    else:
        # A max-heap: the root has the largest key and, among equal keys,
        # the latest position.
        for order, value in enumerate(iterable):
            entry = (keyfunc(value), order, value)
            if len(heap) < n:
                heap.append(entry)
                _siftdown_max(heap, 0, len(heap) - 1)
            elif entry[0] < heap[0][0]:
                _heapreplace_max(heap, entry)
        heap.sort()
    return [entry[2] for entry in heap]
