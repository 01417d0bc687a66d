# stat: filemode, S_IMODE/S_IFMT, the S_IS* tests and the constants.
import os
import stat
import tempfile

for mode in (0o100644, 0o040755, 0o120777, 0o104755, 0o102750, 0o041777, 0o041776, 0o140600, 0o010600, 0o020620, 0o060660, 0o000000, 0o104644):
    print(oct(mode), stat.filemode(mode), stat.S_IMODE(mode), stat.S_IFMT(mode),
          [name for name in ('S_ISDIR', 'S_ISREG', 'S_ISLNK', 'S_ISSOCK', 'S_ISFIFO', 'S_ISCHR', 'S_ISBLK')
           if getattr(stat, name)(mode)])
with tempfile.TemporaryDirectory() as d:
    st = os.stat(d)
    print(stat.S_ISDIR(st.st_mode), stat.S_ISREG(st.st_mode), stat.filemode(st.st_mode)[0])
print(stat.ST_MTIME, stat.S_IRWXU, stat.S_IXOTH, stat.UF_HIDDEN)
