# string constants, capwords, Template and Formatter.
import string
from string import Template, Formatter

print(repr(string.whitespace), string.ascii_letters, string.digits, string.hexdigits)
print(string.octdigits, string.punctuation, len(string.printable), string.ascii_uppercase)
print(string.capwords('hello   wide  world'), string.capwords('a-b c-d', '-'), string.capwords(' x y '))

t = Template('$who likes ${what}; costs $$10 $who')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}, what='c'))
print(t.safe_substitute(who='tim'), t.get_identifiers(), t.is_valid(), t.template)

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
attempt(lambda: t.substitute(who='x'))
attempt(lambda: Template('bad $ here').substitute())
attempt(lambda: Template('line1\nok $x and $ bad').substitute(x=1))
attempt(lambda: Template('${unclosed').substitute(unclosed=1))
print(Template('bad $ here ${x} $9').safe_substitute(x=1), Template('$ x').is_valid())
print(Template('$a$b_c ${a}b $aé').substitute(a=1, b_c=2, b=3))

class Percent(Template):
    delimiter = '%'
print(Percent('100%% of %name and %{x}y').substitute(name='all', x='X'))

f = Formatter()
print(f.format('{} and {}', 1, 2), f.format('{0}{1}{0}', 'a', 'b'), f.format('{name!r:>8}|', name='n'))
print(f.format('{0.real} {1[1]} {d[k]} {0:{w}.{p}f}', 2.5, [7, 8], d={'k': 'v'}, w=8, p=2))
print(list(f.parse('a{0}b{x!r:>3}{{c}}')), list(f.parse('')), list(f.parse('{}')))
attempt(lambda: f.format('{} {0}', 1))
attempt(lambda: f.format('{0} {}', 1))
attempt(lambda: f.format('{', 1))
attempt(lambda: f.format('}', 1))
attempt(lambda: f.format('{0!x}', 1))
attempt(lambda: f.format('{missing}'))
attempt(lambda: f.format('{0:{1:{2}}}', 1, 2, 3))

class Upper(Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<' + key + '>'
        return super().get_value(key, args, kwargs)
print(Upper().format('{0} {x} {y:>5}', 'abc', x='q'))

class Strict(Formatter):
    def check_unused_args(self, used, args, kwargs):
        unused = set(kwargs) - used
        if unused:
            raise ValueError('unused: %s' % sorted(unused))
attempt(lambda: Strict().format('{a}', a=1, b=2))
print(f.vformat('{0}-{k}', (1,), {'k': 2}), f.convert_field(3, 'r'), f.format_field(3.14159, '.2f'))
