print(b'%s and %d' % (b'bytes', 5), b'%x' % 255, b'%5s|' % b'ab', b'%c' % 65, b'%c' % b'z', b'%r' % 'x', b'%a' % 'é')
try:
    b'%s' % 'str'
except TypeError as e:
    print(type(e).__name__, e)
