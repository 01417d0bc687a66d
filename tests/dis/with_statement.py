# with: BEFORE_WITH, the normal exit calling __exit__(None, None, None), the
# exceptional exit through WITH_EXCEPT_START; two context managers nest.
def copy(source, target):
    with open(source) as src, open(target, "w") as dst:
        dst.write(src.read())
