e = OSError(2, 'No such file or directory')
print(type(e).__name__, e.errno, e.strerror, e, e.args)
e = OSError(2, 'No such file or directory', 'missing.txt')
print(type(e).__name__, e.filename, e)
print(IOError is OSError, EnvironmentError is OSError)
print(type(OSError(13, 'denied')).__name__, type(OSError(17, 'exists')).__name__)
print(OSError('just message').errno, str(OSError('just message')))
try:
    open('/nonexistent-dir-for-coil-tests/file.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e)
