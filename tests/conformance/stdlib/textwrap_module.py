# textwrap: wrap, fill, shorten, dedent, indent and TextWrapper options.
import textwrap

text = ("The quick brown fox jumps over the lazy dog. It was a well-known fact that "
        "extraordinarily-long-hyphenated-words and supercalifragilisticexpialidocious "
        "ones need breaking -- sometimes with em-dashes--like this.  Tabs\there too.")
for width in (10, 25, 40, 70):
    print(width, textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 20, break_long_words=False))
print(textwrap.wrap(text, 20, break_on_hyphens=False))
print(textwrap.wrap('  leading and trailing  ', 10), textwrap.wrap('  keep  ', 10, drop_whitespace=False))
print(textwrap.wrap(text, 30, max_lines=3), textwrap.wrap(text, 30, max_lines=2, placeholder='...'))
print(textwrap.wrap('a\tb\tc', 20), textwrap.wrap('a\tb', 20, expand_tabs=False),
      textwrap.wrap('a\nb', 20, replace_whitespace=False), textwrap.wrap('x\ty', 20, tabsize=4))
print(textwrap.wrap('Hello there. How are you? Fine!  Ok.', 60, fix_sentence_endings=True))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.fill('one', 10))
print(textwrap.shorten('Hello  world!', width=12), textwrap.shorten('Hello world!', width=11))
print(textwrap.shorten('Hello world', width=10, placeholder='...'), textwrap.shorten(text, 50))
print(repr(textwrap.dedent('''\
    def f():
        return 1
      
    x = 2
''')))
print(repr(textwrap.dedent('  a\n\t b\n')), repr(textwrap.dedent('  a\n    b\n  c')), repr(textwrap.dedent('no indent\n  x')))
print(repr(textwrap.dedent('   \n  x\n  \n  y')))
print(repr(textwrap.indent('a\nb\n\nc\n', '> ')), repr(textwrap.indent('a\n  \nb', '+', lambda l: True)))
w = textwrap.TextWrapper(width=15, initial_indent='-> ')
print(w.wrap('some words that will need wrapping'), w.fill('short'))
for bad in (0, -1):
    try:
        textwrap.wrap('abc', bad)
    except ValueError as e:
        print('ValueError', e)
try:
    textwrap.wrap('abc def', 3, max_lines=1, placeholder=' [....]')
except ValueError as e:
    print('ValueError', e)
print(textwrap.wrap('this-is-a-test of-hyphen a-b x--y --z end--', 6))
print(textwrap.wrap('well-known co-op e-mail 2-3 A-B-C', 4))
