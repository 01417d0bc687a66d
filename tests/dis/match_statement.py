# match: value, sequence (with a star), mapping (with **rest), class and
# or-patterns, a guard, captures stored only once a case matches.
def handle(command):
    match command:
        case ["go", direction] | ["move", direction]:
            return direction
        case ["drop", *items] if items:
            return items
        case {"action": "say", **rest}:
            return rest
        case Point(x=0, y=y):
            return y
        case None | 0:
            return None
        case _:
            return command
