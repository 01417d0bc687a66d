# Closures: cells (MAKE_CELL), the closure tuple (LOAD_CLOSURE), free
# variables (COPY_FREE_VARS, LOAD_DEREF), nonlocal stores.
def counter(start):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    return increment
