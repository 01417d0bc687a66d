# Comprehensions are functions called with the outermost iterator: a list
# comprehension with a condition and two loops, a dict comprehension, a
# generator expression, and a walrus binding in the enclosing function.
def pairs(rows):
    flat = [cell for row in rows if row for cell in row]
    index = {key: position for position, key in enumerate(flat)}
    total = sum(len(row) for row in rows)
    if any((last := cell) > 10 for cell in flat):
        return last
    return flat, index, total
