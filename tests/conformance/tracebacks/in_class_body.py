def helper():
    return {}['k']
class Broken:
    x = 1
    y = helper()
