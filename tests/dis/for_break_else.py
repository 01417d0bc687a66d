# for/else with break and continue, and a while loop: FOR_ITER, the jumps
# back, the iterator popped when `break` leaves the loop.
def find(items, wanted):
    for index, item in enumerate(items):
        if item is None:
            continue
        if item == wanted:
            break
    else:
        return -1
    return index


def countdown(n):
    while n > 0:
        n -= 1
    return n
