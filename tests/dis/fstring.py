# f-strings: FORMAT_VALUE with conversions and format specs (nested too),
# BUILD_STRING; `%` formatting of a tuple becomes the same code.
def describe(name, value, width):
    print(f"{name!r}: {value:>{width}.2f} ({value!a})")
    return "%s = %r" % (name, value)
