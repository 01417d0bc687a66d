# which, get_terminal_size and the exception classes.
import os
import shutil
import tempfile

print(shutil.which('sh') is not None, shutil.which('no-such-program-here'))
with tempfile.TemporaryDirectory() as tmp:
    print(shutil.which('sh', path=tmp), shutil.which('sh', path=''))
os.environ['COLUMNS'] = '123'
os.environ['LINES'] = '45'
size = shutil.get_terminal_size()
print(size, size.columns, size.lines, tuple(size))
os.environ['COLUMNS'] = 'junk'
print(shutil.get_terminal_size((1, 2)).columns)
del os.environ['COLUMNS']
del os.environ['LINES']
print(issubclass(shutil.Error, OSError), issubclass(shutil.SameFileError, shutil.Error),
      issubclass(shutil.SpecialFileError, OSError))
