# fnmatch: matching with *, ?, classes, ranges and odd brackets; filter; translate's exact output.
import fnmatch

patterns = ['*.py', 'a*b*c', '*', '**', '?x', '[abc]', '[!abc]', '[a-z]*', '[]]', '[!]]', '[', '[!',
            'a[', '[z-a]', '[a-]', '[--a]', '[a-c-e]', '[\\]', '[&&]', '[^x]', '[[]', 'a.b+c(d)',
            '*a*', 'a*', '*a', '[!]', '[a--]', '[b-a-c]', '\u00e9*', '[!z-a]', 'a?c', '*.[ch]',
            'x*y*z*', '', '*?*?', '[0-9][0-9]', '#{}|~ \t\n']
names = ['', 'a', 'b', 'x', 'ax', 'abc', 'aXbYc', 'abcd', 'main.py', 'main.pyc', '.py', ']', '[', '-',
         '!', '^', '\\', '&', 'z', 'm', 'a.b+c(d)', '\u00e9t\u00e9', 'a\nc', 'xyz', 'xaybzc', '42', '4a',
         'file.c', 'file.h', 'file.cc', '#{}|~ \t\n', 'c', 'e', 'd']
for pat in patterns:
    print(repr(pat), repr(fnmatch.translate(pat)))
    print('   ', [n for n in names if fnmatch.fnmatchcase(n, pat)])
print(fnmatch.fnmatch('README.TXT', '*.txt'), fnmatch.fnmatchcase('README.TXT', '*.txt'),
      fnmatch.fnmatch('readme.txt', '*.txt'))
print(fnmatch.filter(['a.py', 'b.txt', 'c.py', '.hidden.py'], '*.py'))
print(fnmatch.filter([], '*'), fnmatch.fnmatch('dir/file.py', '*.py'), fnmatch.fnmatch('dir/file.py', 'dir?file.*'))
long_name = 'a' * 200 + 'b'
print(fnmatch.fnmatchcase(long_name, '*a*a*a*a*a*c'), fnmatch.fnmatchcase(long_name, '*a*a*a*a*a*b'))
