# Path.stat and friends, which need os.stat.
import os
import tempfile
from pathlib import Path

with tempfile.TemporaryDirectory() as tmp:
    f = Path(tmp) / 'f.txt'
    f.write_text('12345')
    st = f.stat()
    print(st.st_size, f.lstat().st_size, f.is_symlink(), f.samefile(os.path.join(tmp, 'f.txt')))
    link = Path(tmp) / 'link'
    link.symlink_to(f)
    print(link.is_symlink(), link.resolve() == f.resolve(), link.readlink() == f)
    f.chmod(0o600)
    print(oct(f.stat().st_mode & 0o777))
